import TrustPathModel

/// Sentences for `explain` about conditions decided by facts of the actor or by the caller's own choice, so a reader
/// sees why an organization path shut an outsider out or why a session-name condition did not make a hop conditional.
enum FactReasons {
    static let callerChosenPrefixes = ["aws:requesttag/", "aws:tagkeys", "sts:rolesessionname", "sts:sourceidentity",
                                       "aws:sourceidentity"]

    static func reasons(actor: Actor, clauses: [ConditionClause], index: SnapshotIndex) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        for clause in clauses where seen.insert(clause.normalizedKey).inserted {
            let key = clause.normalizedKey
            switch actor {
            case .anyone, .externalAccount:
                if key == "aws:principalorgpaths" {
                    result.append("\(clause.key): no principal outside the organization has an organization path in it")
                } else if key.hasPrefix("aws:principaltag/") {
                    result.append("\(clause.key): an outside principal's tags are its owner's to set: the attacker meets it")
                } else if callerChosenPrefixes.contains(where: key.hasPrefix) {
                    result.append("\(clause.key): the caller chooses this value: the attacker meets it")
                }
            case .roleSession(let arn):
                guard let role = index.rolesByARN[arn] else { continue }
                if key == "aws:principalorgpaths", index.isOrganizationMember(role.account),
                   index.snapshot.organization?.paths(of: role.account).isEmpty ?? true {
                    result.append("\(clause.key): the organization path of account \(role.account) is unknown without OU data "
                        + "(list-roots, list-organizational-units-for-parent, list-parents): the hop rests on it")
                } else if key.hasPrefix("aws:principaltag/") {
                    result.append("\(clause.key): a role session's principal tags are the role's tags in the export")
                } else if callerChosenPrefixes.contains(where: key.hasPrefix) {
                    result.append("\(clause.key): the caller chooses this value: the attacker meets it")
                }
            case .service, .federated:
                if callerChosenPrefixes.contains(where: key.hasPrefix) {
                    result.append("\(clause.key): the caller chooses this value: the attacker meets it")
                }
            }
        }
        return result
    }
}
