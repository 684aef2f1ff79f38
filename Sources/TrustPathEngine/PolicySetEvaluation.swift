import TrustPathModel

/// A policy document together with where it came from, for references in verdicts.
struct LocatedPolicy: Sendable {
    var document: PolicyDocument
    /// The policy's name or ARN.
    var owner: String
    var location: SourceLocation
}

/// How a set of identity-style policies (identity policies, a boundary, SCPs) answers one request.
struct PolicySetAnswer: Sendable {
    /// The best Allow: open, conditional, or closed when none applies.
    var allow: HopState = .closed
    var allowing: StatementReference?
    var allowRestsOn: [ConditionClause] = []
    /// Whether an explicit Deny applies: closed means no Deny applies.
    var deny: HopState = .closed
    var denying: StatementReference?
    var denyRestsOn: [ConditionClause] = []

    /// Allowed and not denied: the combined state.
    var state: HopState {
        if deny == .open { return .closed }
        if allow == .closed { return .closed }
        if allow == .conditional || deny == .conditional { return .conditional }
        return .open
    }
}

enum PolicySetEvaluation {
    static func answer(_ policies: [LocatedPolicy], action: String, resource: String,
                       context: RequestContext) -> PolicySetAnswer {
        var answer = PolicySetAnswer()
        for policy in policies {
            for statement in policy.document.statements where statement.action.coversAction(action) {
                guard statement.resource?.coversResource(resource) ?? false else { continue }
                let reference = StatementReference(file: policy.location.file,
                                                   jsonPath: policy.location.jsonPath + ".Statement[\(statement.index)]",
                                                   owner: policy.owner, index: statement.index, sid: statement.sid)
                if statement.effect == .deny {
                    switch StatementConditions.deny(statement.conditions, in: context) {
                    case .holds:
                        answer.deny = .open
                        answer.denying = reference
                    case .dependsOn(let clauses) where answer.deny != .open:
                        answer.deny = .conditional
                        answer.denying = reference
                        answer.denyRestsOn += clauses
                    default: break
                    }
                    continue
                }
                switch StatementConditions.allow(statement.conditions, in: context) {
                case .holds where answer.allow != .open:
                    answer.allow = .open
                    answer.allowing = reference
                    answer.allowRestsOn = []
                case .dependsOn(let clauses) where answer.allow == .closed:
                    answer.allow = .conditional
                    answer.allowing = reference
                    answer.allowRestsOn = clauses
                default: break
                }
            }
        }
        return answer
    }
}
