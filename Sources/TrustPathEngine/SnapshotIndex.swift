import TrustPathModel

/// Look-ups the evaluator needs, built once per snapshot: roles by ARN, policies by account, organization
/// policies by account, and an index from each kind of principal to the roles whose trust names it,
/// so finding a hop's candidates never scans every role.
public struct SnapshotIndex: Sendable {
    public let snapshot: Snapshot
    public let rolesByARN: [String: Role]
    public let trustedAccounts: Set<String>
    public let organizationID: String?
    /// Diagnostics the index itself raised (NotPrincipal in trust policies, unmatched unique ids).
    public let diagnostics: [Diagnostic]
    /// Roles any caller's hop treats alike, judged once per group.
    public let targetGroups: TargetGroups
    /// The first role of each group, in group order: a group's roles share their trust document and whether they are
    /// service-linked, so one role speaks for all in what a trust names.
    let groupRepresentatives: [Role]
    /// The trust index over one role of each group: what a trust names is the same for every role of its group.
    let groupTrustIndex: TrustIndex
    /// Every identity provider entry id a trust names in an Allow statement, with the roles that name it, sorted.
    let providers: [(id: String, roles: [String])]

    public init(_ snapshot: Snapshot) {
        self.snapshot = snapshot
        var roles: [String: Role] = [:]
        roles.reserveCapacity(snapshot.accounts.values.reduce(0) { $0 + $1.roles.count })
        for account in snapshot.accounts.values {
            for role in account.roles { roles[role.arn] = role }
        }
        rolesByARN = roles
        trustedAccounts = snapshot.trustedAccounts
        organizationID = snapshot.organization?.id
        let sortedRoles = Self.sortedByARN(roles)
        var diagnostics = TrustIndex.notPrincipalDiagnostics(sortedRoles)
        let groups = TargetGroups(sortedRoles: sortedRoles, snapshot: snapshot)
        targetGroups = groups
        groupRepresentatives = groups.members.compactMap { $0.first.flatMap { roles[$0] } }
        groupTrustIndex = TrustIndex(roles: groupRepresentatives)
        // A group's roles share one trust document, so the roles naming a provider are the members of the groups whose
        // first role names it.
        providers = groupTrustIndex.providers.map { provider in
            (provider.id, provider.roles.compactMap { groups.group(of: $0) }.flatMap { groups.members[$0] }.sorted())
        }
        for (id, trusting) in providers {
            let provider = FederatedProvider(id)
            guard case .unknownIssuer = provider.standing(own: snapshot.ownIdentityProviders,
                                                          outside: snapshot.outsideIdentityProviders),
                  let first = trusting.first.flatMap({ roles[$0] }) else { continue }
            diagnostics.append(Diagnostic(
                .note, code: "unknown-oidc-issuer",
                "OIDC issuer \(id) is not one TrustPath knows: it counts as multi-tenant (anyone may obtain its tokens), "
                    + "so \(trusting.count) role(s) trusting it are judged as open federation unless their trust pins \(provider.pinningKeys[0])",
                at: first.trustLocation,
                hint: "if the organization runs this issuer, list it under identity-providers: own in the project file"))
        }
        self.diagnostics = diagnostics
    }

    /// The roles sorted by ARN. Comparing roles would reach into each role's storage, so the ARNs (the dictionary's
    /// keys) are sorted; an account's roles share the start of their ARNs, so sorting each account's roles and then
    /// the accounts (by their first ARN) is the same order when no two accounts' ARNs interleave, which is checked.
    static func sortedByARN(_ roles: [String: Role]) -> [Role] {
        let unsorted = Array(Dictionary(grouping: roles) { $0.value.account }.values)
        let byAccount = orderedConcurrentMap(unsorted.count, threshold: 64) { unsorted[$0].sorted { $0.key < $1.key } }
        let ordered = byAccount.sorted { $0[0].key < $1[0].key }.flatMap { $0 }
        guard zip(ordered, ordered.dropFirst()).allSatisfy({ $0.key < $1.key }) else {
            return roles.sorted { $0.key < $1.key }.map(\.value)
        }
        return ordered.map(\.value)
    }

    /// Whether an identity provider (principal value or entry id) is an entry, per the project file's declarations.
    public func federatedStanding(_ provider: String) -> FederatedStanding {
        FederatedProvider(provider).standing(own: snapshot.ownIdentityProviders, outside: snapshot.outsideIdentityProviders)
    }

    /// The SAML providers trust policies name, each with the roles that trust it directly (sorted by provider ARN):
    /// the organization's own identity providers, for the summary.
    public func samlProviders() -> [(provider: String, roles: [String])] {
        providers.filter { FederatedProvider($0.id).kind == .saml }.map { (provider: $0.id, roles: $0.roles) }
    }

    /// The organization's member accounts, from Organizations data only.
    public func isOrganizationMember(_ account: String) -> Bool {
        guard let organization = snapshot.organization else { return false }
        return organization.members[account] != nil || organization.managementAccountID == account
    }

    /// A managed policy's default document, from the account's export or the built-in AWS managed ones.
    func managedPolicy(_ arn: String, account: String) -> PolicyDocument? {
        if let policy = snapshot.accounts[account]?.policies[arn], let document = policy.defaultDocument { return document }
        return KnownManagedPolicies.document(for: arn)
    }

    /// The SCPs or RCPs that apply to an account (none to the management account).
    func organizationPolicies(_ kind: OrganizationPolicy.Kind, for account: String) -> [OrganizationPolicy] {
        Self.organizationPolicies(kind, for: account, in: snapshot)
    }

    static func organizationPolicies(_ kind: OrganizationPolicy.Kind, for account: String, in snapshot: Snapshot) -> [OrganizationPolicy] {
        guard snapshot.organization?.managementAccountID != account else { return [] }
        let paths = snapshot.organization?.paths(of: account) ?? []
        return snapshot.organizationPolicies.filter { policy in
            guard policy.kind == kind else { return false }
            if policy.targets.isEmpty { return true }
            return policy.targets.contains { target in
                target == account || target.hasPrefix("r-") || paths.contains { $0.contains("/\(target)/") }
                    || (target.hasPrefix("ou-") && paths.isEmpty)
            }
        }
    }

    public func hasOrganizationPolicies(_ kind: OrganizationPolicy.Kind) -> Bool {
        snapshot.organizationPolicies.contains { $0.kind == kind }
    }

    /// The groups of roles whose trust policy has an Allow statement that could name this actor, ordered by first
    /// member. `withoutIdentityPermission` is for a role session that `AssumePermissions` says cannot call AssumeRole
    /// on its own permissions: only the roles of its account that name it or `*`. Costs the number of groups named,
    /// not of roles: an organization-wide trust held by thousands of roles is a few groups.
    public func candidateGroups(for actor: Actor, withoutIdentityPermission: Bool = false) -> [CandidateGroup] {
        var groups = Set<Int>()
        for representative in groupTrustIndex.candidates(for: actor, rolesByARN: rolesByARN,
                                                         withoutAccountRoot: withoutIdentityPermission) {
            if let group = targetGroups.group(of: representative) { groups.insert(group) }
        }
        var result: [CandidateGroup] = []
        if withoutIdentityPermission, case .roleSession(let arn) = actor {
            guard let account = rolesByARN[arn]?.account else { return [] }
            for group in groups {
                let members = targetGroups.members(of: group, in: account)
                if !members.isEmpty {
                    result.append(CandidateGroup(group: group, members: members,
                                                 whole: members.count == targetGroups.members[group].count))
                }
            }
        } else {
            result = groups.map { CandidateGroup(group: $0, members: targetGroups.members[$0], whole: true) }
        }
        return result.sorted { $0.members[0] < $1.members[0] }
    }
}

/// A group of alike roles a hop may lead into: all of it, or the roles of the caller's own account.
public struct CandidateGroup: Sendable {
    public var group: Int
    /// Sorted by ARN.
    public var members: [String]
    /// True when `members` is the whole group.
    public var whole: Bool
}
