import TrustPathModel

/// Whether a statement's conditions hold for the attacker's request.
public enum ConditionVerdict: Sendable, Hashable {
    /// They hold (for an Allow: the attacker can make them hold; for a Deny: the attacker cannot avoid them).
    case holds
    /// They hold only if these clauses, decided by the environment, do.
    case dependsOn([ConditionClause])
    /// They cannot hold: these clauses decide it.
    case fails([ConditionClause])
}

/// Conditions are AND-ed; each clause is judged from the attacker's side.
enum StatementConditions {
    /// For an Allow: can the attacker make every clause true?
    static func allow(_ clauses: [ConditionClause], in context: RequestContext) -> ConditionVerdict {
        var failing: [ConditionClause] = []
        var environmental: [ConditionClause] = []
        for clause in clauses {
            let outcome = ClauseEvaluation.outcome(of: clause, in: context)
            if !outcome.canBeTrue {
                failing.append(clause)
            } else if outcome.canBeFalse, outcome.decidedBy == .environment {
                environmental.append(clause)
            }
        }
        if !failing.isEmpty { return .fails(failing) }
        if !environmental.isEmpty { return .dependsOn(environmental) }
        return .holds
    }

    /// For a Deny: does it apply whatever the attacker does?
    static func deny(_ clauses: [ConditionClause], in context: RequestContext) -> ConditionVerdict {
        var environmental: [ConditionClause] = []
        for clause in clauses {
            let outcome = ClauseEvaluation.outcome(of: clause, in: context)
            if !outcome.canBeTrue { return .fails([clause]) }
            if outcome.canBeFalse {
                if outcome.decidedBy == .environment { environmental.append(clause) } else { return .fails([clause]) }
            }
        }
        return environmental.isEmpty ? .holds : .dependsOn(environmental)
    }
}

extension ConditionClause {
    /// `StringEquals sts:ExternalId "12345"`, for reasons and reports.
    public var summary: String {
        let shown = values.count == 1 ? "\"\(values[0])\"" : "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        return "\(op.raw) \(key) \(shown)"
    }
}
