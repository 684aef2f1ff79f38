import TrustPathModel

/// Builds the request an attacker acting as an actor would send to assume a target role:
/// facts of the actor and the target, what the attacker picks, and what nobody here can know.
enum ActorContext {
    /// The actor's request before the target is known: the same for every role it tries, so built once per
    /// actor. The target's facts name keys of their own (aws:Resource…), so adding them later changes nothing else.
    static func base(for actor: Actor, index: SnapshotIndex) -> RequestContext {
        var context = RequestContext()
        let trusted = index.trustedAccounts
        let ourOrganizations: Set<String> = index.organizationID.map { [$0] } ?? []
        // Without Organizations data the organization id is unknown: a literal one in a policy is
        // treated as a value outsiders cannot produce.
        let otherOrganization: AttackerValues = ourOrganizations.isEmpty ? .secret(.anyWildcard) : .anythingBut(ourOrganizations)
        let otherPaths: AttackerValues = .pathOutside(organization: index.organizationID)

        // What every caller controls about its own request.
        for key in ["sts:RoleSessionName", "sts:SourceIdentity", "aws:SourceIdentity", "sts:TransitiveTagKeys",
                    "aws:TagKeys", "aws:RequestedRegion", "aws:UserAgent", "aws:Referer"] {
            context[key] = .attacker(.anything, mayOmit: true)
        }
        context.setPrefix("aws:RequestTag/", .attacker(.anything, mayOmit: true))
        context["aws:SecureTransport"] = .attacker(.boolean, mayOmit: false)
        context["aws:ViaAWSService"] = .known(["false"])
        context["aws:CalledVia"] = .absent
        context["aws:CalledViaFirst"] = .absent
        context["aws:CalledViaLast"] = .absent
        context["sts:ExternalId"] = .attacker(.secret(.anyWildcard), mayOmit: true)
        for key in ["aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceOrgPaths",
                    "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList"] {
            context[key] = .absent
        }
        context["aws:PrincipalIsAWSService"] = .known(["false"])

        switch actor {
        case .anyone:
            context["aws:PrincipalAccount"] = .attacker(.accountOutside(trusted), mayOmit: false)
            context["aws:PrincipalArn"] = .attacker(.arnOutside(trusted), mayOmit: false)
            addOutsiderFacts(otherOrganization, otherPaths, to: &context)
        case .externalAccount(let account):
            context["aws:PrincipalAccount"] = .known([account])
            context["aws:PrincipalArn"] = .attacker(.arnInAccount(account), mayOmit: false)
            addOutsiderFacts(otherOrganization, otherPaths, to: &context)
        case .service(let name):
            // The attacker configures the service in an account of their own and names the role.
            for key in ["aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
                        "aws:MultiFactorAuthPresent", "sts:ExternalId", "aws:userid", "aws:username"] {
                context[key] = .absent
            }
            context["aws:PrincipalServiceName"] = .known([name])
            context["aws:PrincipalIsAWSService"] = .known(["true"])
            context["aws:SourceAccount"] = .attacker(.accountOutside(trusted), mayOmit: true)
            context["aws:SourceArn"] = .attacker(.arnOutside(trusted), mayOmit: true)
            context["aws:SourceOrgID"] = .attacker(otherOrganization, mayOmit: true)
            context["aws:SourceOrgPaths"] = .attacker(otherPaths, mayOmit: true)
        case .federated(let providerName):
            addFederatedFacts(FederatedProvider(providerName), standing: index.federatedStanding(providerName), to: &context)
        case .roleSession(let arn):
            addRoleSessionFacts(index.rolesByARN[arn], arn: arn, index: index, to: &context)
        }
        return context
    }

    /// The request to one target: the actor's base with the target's facts added.
    static func make(base: RequestContext, target: Role, index: SnapshotIndex) -> RequestContext {
        var context = base
        addTargetFacts(target, index: index, to: &context)
        return context
    }

    private static func addTargetFacts(_ target: Role, index: SnapshotIndex, to context: inout RequestContext) {
        context["aws:ResourceAccount"] = .known([target.account])
        if let organization = index.organizationID, index.isOrganizationMember(target.account) {
            context["aws:ResourceOrgID"] = .known([organization])
        }
        for tagPrefix in ["aws:ResourceTag/", "iam:ResourceTag/"] {
            context.setPrefix(tagPrefix, .absent)
            for (key, value) in target.tags { context[tagPrefix + key] = .known([value]) }
        }
    }

    /// Principals of accounts outside the organization: they run their own IAM, so they can be users or roles,
    /// with or without MFA, under any name.
    /// Their tags are their own to set, so `aws:PrincipalTag/…` is whatever the attacker wants.
    private static func addOutsiderFacts(_ otherOrganization: AttackerValues, _ otherPaths: AttackerValues,
                                         to context: inout RequestContext) {
        context["aws:PrincipalOrgID"] = .attacker(otherOrganization, mayOmit: true)
        context["aws:PrincipalOrgPaths"] = .attacker(otherPaths, mayOmit: true)
        context.setPrefix("aws:PrincipalTag/", .attacker(.anything, mayOmit: true))
        context["aws:PrincipalType"] = .attacker(.anything, mayOmit: false)
        context["aws:MultiFactorAuthPresent"] = .attacker(.boolean, mayOmit: true)
        context["aws:MultiFactorAuthAge"] = .attacker(.anything, mayOmit: true)
        context["aws:userid"] = .attacker(.anything, mayOmit: false)
        context["aws:username"] = .attacker(.anything, mayOmit: true)
    }

    private static func addFederatedFacts(_ provider: FederatedProvider, standing: FederatedStanding,
                                          to context: inout RequestContext) {
        for key in ["aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
                    "aws:MultiFactorAuthPresent", "aws:userid", "aws:username"] {
            context[key] = .absent
        }
        if case .declaredOutside = standing {
            // Whoever runs a partner's identity provider writes every claim of its tokens.
            context.setPrefix(provider.keyPrefix + ":", .attacker(.anything, mayOmit: false))
            return
        }
        // Claims of the attacker's own token from a multi-tenant issuer: the free ones are the attacker's to choose,
        // an unknown one is treated as a secret, and the tenant claim names the attacker's own tenant.
        context.setPrefix(provider.keyPrefix + ":", .attacker(.secret(.anyWildcard), mayOmit: false))
        for claim in ["aud", "amr", "azp", "sub_type", "iss", "doc", "namequalifier"] {
            context[provider.keyPrefix + ":" + claim] = .attacker(.anything, mayOmit: false)
        }
        if let tenant = provider.tenantClaim {
            context[provider.keyPrefix + ":" + tenant.claim] = .attacker(.secret(.tenant(tenant)), mayOmit: false)
        }
    }

    private static func addRoleSessionFacts(_ role: Role?, arn: String, index: SnapshotIndex,
                                            to context: inout RequestContext) {
        guard let role else { return }
        context["aws:PrincipalArn"] = .known([role.arn])
        context["aws:PrincipalAccount"] = .known([role.account])
        context["aws:PrincipalType"] = .known(["AssumedRole"])
        // Chained sessions carry no MFA.
        context["aws:MultiFactorAuthPresent"] = .known(["false"])
        context["aws:MultiFactorAuthAge"] = .absent
        context["aws:username"] = .absent
        context["aws:userid"] = .attacker(.prefixed(role.roleID + ":"), mayOmit: false)
        if index.isOrganizationMember(role.account), let organization = index.organizationID {
            context["aws:PrincipalOrgID"] = .known([organization])
            // A member's path is known only from the OU data; without it the hop rests on the condition.
            let paths = index.snapshot.organization?.paths(of: role.account) ?? []
            context["aws:PrincipalOrgPaths"] = paths.isEmpty ? .unknown : .known(paths)
        } else if index.snapshot.organization != nil {
            context["aws:PrincipalOrgID"] = .absent
            context["aws:PrincipalOrgPaths"] = .absent
        }
        // Without Organizations data, PrincipalOrgID of an analyzed account stays unknown: the hop is conditional.
        // A role session's principal tags are the role's tags in the export.
        context.setPrefix("aws:PrincipalTag/", .absent)
        for (key, value) in role.tags { context["aws:PrincipalTag/" + key] = .known([value]) }
    }
}
