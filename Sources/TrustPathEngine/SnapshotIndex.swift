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
        self.diagnostics = diagnostics
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
        guard snapshot.organization?.managementAccountID != account else { return [] }
        let paths = snapshot.organization?.members[account]?.paths ?? []
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
