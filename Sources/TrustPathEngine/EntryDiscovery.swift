import TrustPathModel

/// Finds the entries of a snapshot: every outside position a trust policy names, each named once.
public enum EntryDiscovery {
    public static func entries(in index: SnapshotIndex) -> [Actor] {
        var entries: Set<Actor> = []
        let trusted = index.trustedAccounts
        var standings: [String: Bool] = [:]
        for role in index.groupRepresentatives {
            for statement in role.trustPolicy?.statements ?? [] where statement.effect == .allow {
                guard let principal = statement.principal else { continue }
                var admitsAnyone = principal.everyone
                for value in principal.aws {
                    let reference = PrincipalReference(value)
                    if case .anyone = reference { admitsAnyone = true }
                    if let account = reference.account, !trusted.contains(account) {
                        entries.insert(.externalAccount(account))
                    }
                }
                if admitsAnyone {
                    // `"*"` limited to named outside accounts admits those accounts, not the public.
                    if let accounts = pinnedAccounts(statement.conditions) {
                        for account in accounts where !trusted.contains(account) { entries.insert(.externalAccount(account)) }
                    } else {
                        entries.insert(.anyone)
                    }
                }
                for service in principal.service where !role.isServiceLinked && ServicePrincipals.passRoleOnly(service) == nil {
                    entries.insert(.service(service.lowercased()))
                }
                for provider in principal.federated {
                    let id = FederatedProvider.entryID(of: provider)
                    let isEntry = standings[id] ?? index.federatedStanding(id).isEntry
                    standings[id] = isEntry
                    if isEntry { entries.insert(.federated(id)) }
                }
            }
        }
        return entries.sorted()
    }

    /// The accounts a statement's `aws:PrincipalAccount` or `aws:PrincipalArn` restricts callers to, when it names them
    /// literally (StringEquals, StringLike or ArnEquals/ArnLike without wildcards in the account); nil otherwise.
    static func pinnedAccounts(_ conditions: [ConditionClause]) -> [String]? {
        for clause in conditions {
            guard let base = clause.op.base, !clause.op.ifExists, clause.op.qualifier != .forAllValues else { continue }
            switch (clause.normalizedKey, base) {
            case ("aws:principalaccount", .stringEquals), ("aws:principalaccount", .stringLike):
                guard clause.values.allSatisfy({ isAccountID($0) }) else { continue }
                return clause.values
            case ("aws:principalarn", .arnEquals), ("aws:principalarn", .arnLike), ("aws:principalarn", .stringEquals),
                 ("aws:principalarn", .stringLike):
                let accounts = clause.values.compactMap { value -> String? in
                    let fields = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
                    guard fields.count == 6, isAccountID(String(fields[4])) else { return nil }
                    return String(fields[4])
                }
                guard accounts.count == clause.values.count else { continue }
                return Array(Set(accounts)).sorted()
            default:
                continue
            }
        }
        return nil
    }
}
