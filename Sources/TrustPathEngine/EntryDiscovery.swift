import TrustPathModel

/// Finds the entries of a snapshot: every outside position a trust policy names.
public enum EntryDiscovery {
    public static func entries(in index: SnapshotIndex) -> [Actor] {
        var entries: Set<Actor> = []
        let trusted = index.trustedAccounts
        for role in index.rolesByARN.values {
            for statement in role.trustPolicy?.statements ?? [] where statement.effect == .allow {
                guard let principal = statement.principal else { continue }
                if principal.everyone { entries.insert(.anyone) }
                for value in principal.aws {
                    let reference = PrincipalReference(value)
                    if case .anyone = reference { entries.insert(.anyone) }
                    if let account = reference.account, !trusted.contains(account) {
                        entries.insert(.externalAccount(account))
                    }
                }
                for service in principal.service where !role.isServiceLinked && ServicePrincipals.passRoleReason(service) == nil {
                    entries.insert(.service(service.lowercased()))
                }
                for provider in principal.federated { entries.insert(.federated(provider)) }
            }
        }
        return entries.sorted()
    }
}
