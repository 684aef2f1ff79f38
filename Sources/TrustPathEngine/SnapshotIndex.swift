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
    let trustIndex: TrustIndex
    /// Roles any caller's hop treats alike, judged once per group.
    public let targetGroups: TargetGroups

    public init(_ snapshot: Snapshot) {
        self.snapshot = snapshot
        var roles: [String: Role] = [:]
        for account in snapshot.accounts.values {
            for role in account.roles { roles[role.arn] = role }
        }
        rolesByARN = roles
        trustedAccounts = snapshot.trustedAccounts
        organizationID = snapshot.organization?.id
        var diagnostics: [Diagnostic] = []
        trustIndex = TrustIndex(roles: roles.values.sorted { $0.arn < $1.arn }, diagnostics: &diagnostics)
        targetGroups = TargetGroups(roles: Array(roles.values), snapshot: snapshot)
        for (id, trusting) in trustIndex.providers {
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

    /// Whether an identity provider (principal value or entry id) is an entry, per the project file's declarations.
    public func federatedStanding(_ provider: String) -> FederatedStanding {
        FederatedProvider(provider).standing(own: snapshot.ownIdentityProviders, outside: snapshot.outsideIdentityProviders)
    }

    /// The SAML providers trust policies name, each with the roles that trust it directly (sorted by provider ARN):
    /// the organization's own identity providers, for the summary.
    public func samlProviders() -> [(provider: String, roles: [String])] {
        trustIndex.providers.filter { FederatedProvider($0.id).kind == .saml }.map { (provider: $0.id, roles: $0.roles) }
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

    /// Roles whose trust policy has an Allow statement that could name this actor, sorted by ARN.
    public func candidateTargets(for actor: Actor) -> [String] {
        trustIndex.candidates(for: actor, rolesByARN: rolesByARN)
    }

    /// The same, for a role session that `AssumePermissions` says cannot call AssumeRole on its own
    /// permissions: only the roles of its account that name it or `*`.
    public func candidateTargetsWithoutIdentityPermission(for actor: Actor) -> [String] {
        trustIndex.candidates(for: actor, rolesByARN: rolesByARN, ownAccountOnly: true)
    }
}
