import TrustPathModel

/// The caller's side of a hop for a role session: its identity policies (when the trust does not name it
/// directly), its permissions boundary, and the SCPs of its account.
struct IdentityVerdict: Sendable {
    var state: HopState
    var required: Bool
    var allowing: StatementReference?
    var restsOn: [String] = []
    var reasons: [String] = []
}

enum IdentityEvaluator {
    static func evaluate(caller: Role, target: Role, trustMatch: PrincipalMatch, index: SnapshotIndex,
                         context: RequestContext) -> IdentityVerdict {
        let action = "sts:AssumeRole"
        let required: Bool
        switch trustMatch {
        case .anyone, .exact: required = caller.account != target.account
        default: required = true
        }
        var verdict = IdentityVerdict(state: .open, required: required)
        var missing: [String] = []
        let policies = identityPolicies(of: caller, index: index, missing: &missing)

        let identity = PolicySetEvaluation.answer(policies, action: action, resource: target.arn, context: context)
        if identity.deny == .open {
            verdict.reasons.append("\(caller.name)'s policy \(identity.denying?.owner ?? "?") explicitly denies \(action) on \(target.name)")
            verdict.state = .closed
            return verdict
        }
        if identity.deny == .conditional {
            verdict.state = .conditional
            verdict.restsOn += identity.denyRestsOn.map(\.summary)
        }
        if required {
            switch identity.allow {
            case .open:
                verdict.allowing = identity.allowing
                verdict.reasons.append("\(caller.name)'s policy \(identity.allowing?.owner ?? "?") allows \(action) on \(target.name)")
            case .conditional:
                verdict.allowing = identity.allowing
                verdict.state = .conditional
                verdict.restsOn += identity.allowRestsOn.map(\.summary)
                verdict.reasons.append("\(caller.name)'s policy \(identity.allowing?.owner ?? "?") allows \(action) on \(target.name) if "
                    + identity.allowRestsOn.map(\.summary).joined(separator: " and "))
            case .closed:
                if missing.isEmpty {
                    verdict.reasons.append("\(caller.name) has no identity policy allowing \(action) on \(target.name)"
                        + " (needed: the trust names \(trustMatch.description), not \(caller.name) itself, or the role is in another account)")
                    verdict.state = .closed
                    return verdict
                }
                verdict.state = .conditional
                verdict.restsOn += missing.map { "policy \($0) (not in the snapshot)" }
                verdict.reasons.append("\(caller.name)'s attached policies \(missing.joined(separator: ", ")) are not in the snapshot")
            }
        }
        if let boundaryARN = caller.permissionsBoundaryARN {
            guard let document = index.managedPolicy(boundaryARN, account: caller.account) else {
                verdict.state = max(verdict.state, .conditional)
                verdict.restsOn.append("permissions boundary \(boundaryARN) (not in the snapshot)")
                return verdict
            }
            let boundary = PolicySetEvaluation.answer(
                [LocatedPolicy(document: document, owner: boundaryARN,
                               location: index.snapshot.accounts[caller.account]?.policies[boundaryARN]?.location
                                   ?? SourceLocation(file: "(built-in)"))],
                action: action, resource: target.arn, context: context)
            if boundary.state == .closed {
                verdict.reasons.append("\(caller.name)'s permissions boundary \(boundaryARN) does not allow \(action) on \(target.name)")
                verdict.state = .closed
                return verdict
            }
            if boundary.state == .conditional {
                verdict.state = max(verdict.state, .conditional)
                verdict.restsOn += (boundary.allowRestsOn + boundary.denyRestsOn).map(\.summary)
            }
        }
        let scps = index.organizationPolicies(.serviceControl, for: caller.account)
        if !scps.isEmpty {
            let answer = PolicySetEvaluation.answer(
                scps.map { LocatedPolicy(document: $0.document, owner: "SCP \($0.name)", location: $0.location) },
                action: action, resource: target.arn, context: context)
            if answer.state == .closed {
                verdict.reasons.append("the SCPs of account \(caller.account) do not allow \(action) on \(target.name)"
                    + (answer.denying.map { " (\($0.owner) denies)" } ?? ""))
                verdict.state = .closed
                return verdict
            }
            if answer.state == .conditional {
                verdict.state = max(verdict.state, .conditional)
                verdict.restsOn += (answer.allowRestsOn + answer.denyRestsOn).map(\.summary)
            }
        }
        return verdict
    }

    /// Inline and attached managed policies; ARNs of attached policies absent from the snapshot go to `missing`.
    static func identityPolicies(of role: Role, index: SnapshotIndex, missing: inout [String]) -> [LocatedPolicy] {
        var policies = role.inlinePolicies.map {
            LocatedPolicy(document: $0.document, owner: "\(role.name)/\($0.name)", location: $0.location)
        }
        for arn in role.attachedPolicyARNs {
            if let document = index.managedPolicy(arn, account: role.account) {
                let location = index.snapshot.accounts[role.account]?.policies[arn]?.location
                    ?? SourceLocation(file: "(built-in AWS managed policy)")
                policies.append(LocatedPolicy(document: document, owner: arn, location: location))
            } else {
                missing.append(arn)
            }
        }
        return policies
    }
}
