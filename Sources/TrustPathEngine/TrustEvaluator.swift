import TrustPathModel

/// The trust side of a hop: does the target's trust policy let the actor call the assume action?
struct TrustVerdict: Sendable {
    var state: HopState
    var statement: Statement?
    var reference: StatementReference?
    var match: PrincipalMatch?
    var restsOn: [ConditionClause] = []
    var reasons: [String] = []
    /// Every statement that allows the hop (open or conditional); closing the hop means closing all of them.
    var allowing: [StatementReference] = []
}

enum TrustEvaluator {
    static func evaluate(actor: Actor, target: Role, index: SnapshotIndex, context: RequestContext) -> TrustVerdict {
        guard let trust = target.trustPolicy else {
            return TrustVerdict(state: .closed, reasons: ["\(target.name) has no trust policy in the snapshot"])
        }
        let action = actor.assumeAction
        var reasons: [String] = []
        var best: TrustVerdict?
        var denyRestsOn: [ConditionClause] = []
        var allowing: [StatementReference] = []

        for statement in trust.statements {
            let label = "trust statement \(statement.index)" + (statement.sid.map { " (\($0))" } ?? "")
            if statement.notPrincipal != nil {
                reasons.append("\(label) uses NotPrincipal, not valid in a trust policy: ignored")
                continue
            }
            guard let principal = statement.principal,
                  let match = PrincipalMatching.match(principal, actor: actor, partition: target.partition, index: index) else {
                continue
            }
            guard statement.action.coversAction(action) else {
                if statement.effect == .allow {
                    reasons.append("\(label) names \(match.description) but does not allow \(action)")
                }
                continue
            }
            if statement.effect == .deny {
                switch StatementConditions.deny(statement.conditions, in: context) {
                case .holds:
                    return TrustVerdict(state: .closed, reasons: reasons + ["\(label) denies \(action) to \(match.description)"])
                case .dependsOn(let clauses):
                    denyRestsOn += clauses
                    reasons.append("\(label) denies unless " + clauses.map(\.summary).joined(separator: " and "))
                case .fails:
                    reasons.append("\(label) is a Deny the attacker avoids")
                }
                continue
            }
            let reference = StatementReference.trust(of: target, index: statement.index, sid: statement.sid)
            let allowVerdict = StatementConditions.allow(statement.conditions, in: context)
            if case .fails = allowVerdict {} else { allowing.append(reference) }
            switch allowVerdict {
            case .holds:
                reasons.append("\(label) allows \(action) to \(match.description)"
                    + (statement.conditions.isEmpty ? " with no condition" : " and the attacker satisfies its conditions"))
                if best?.state != .open {
                    best = TrustVerdict(state: .open, statement: statement, reference: reference, match: match)
                }
            case .dependsOn(let clauses):
                reasons.append("\(label) allows \(action) to \(match.description) if "
                    + clauses.map(\.summary).joined(separator: " and "))
                if best == nil {
                    best = TrustVerdict(state: .conditional, statement: statement, reference: reference, match: match,
                                        restsOn: clauses)
                }
            case .fails(let clauses):
                reasons.append("\(label) names \(match.description) but the attacker cannot satisfy "
                    + clauses.map(\.summary).joined(separator: " and "))
            }
        }
        guard var verdict = best else {
            if reasons.isEmpty { reasons.append("no trust statement of \(target.name) names \(actor)") }
            return TrustVerdict(state: .closed, reasons: reasons)
        }
        if !denyRestsOn.isEmpty {
            verdict.state = .conditional
            verdict.restsOn += denyRestsOn
        }
        verdict.reasons = reasons
        verdict.allowing = allowing
        return verdict
    }
}
