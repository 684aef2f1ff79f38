import TrustPathModel

/// One actor's hops into roles its request treats alike (a `TargetGroups` group, or the part of one its policies'
/// resource patterns single out): one verdict for all of them. A reference type so that searches can keep a
/// bundle as a hop's parent without copying the verdict.
public final class HopBundle: Sendable {
    /// The verdict of the hop to `targets[0]`; every other target's differs only in its target and in the trust
    /// statements, which are the same statements of that role's own (identical) trust policy.
    public let template: HopVerdict
    /// The roles, sorted by ARN.
    public let targets: [String]
    /// The same roles by number (`TargetGroups.roleNumbers`), in the same order.
    public let targetNumbers: [Int]
    /// Names this set of targets: bundles of different actors with the same `targetSet` lead to the same roles
    /// (a search expands such a set once per depth). nil when the set is not shared.
    public let targetSet: Int?

    init(template: HopVerdict, targets: [String], targetNumbers: [Int], targetSet: Int?) {
        self.template = template
        self.targets = targets
        self.targetNumbers = targetNumbers
        self.targetSet = targetSet
    }

    public var actor: Actor { template.actor }
    public var state: HopState { template.state }

    /// The statement indices (in each target's trust policy) that allow the hop; closing it means closing all.
    public var allowingIndices: [Int] { template.allowingStatements.map(\.index) }

    /// The hop to one of `targets`, as `HopEvaluator.evaluate(_:to:)` judges it; `reasons` are given for `targets[0]`
    /// only (ask the evaluator for another target's wording).
    public func verdict(for target: String, index: SnapshotIndex) -> HopVerdict {
        guard target != template.target, let role = index.rolesByARN[target] else { return template }
        var verdict = template
        verdict.target = target
        verdict.trustStatement = template.trustStatement.map { Self.statement($0, of: role) }
        verdict.allowingStatements = template.allowingStatements.map { Self.statement($0, of: role) }
        verdict.reasons = []
        return verdict
    }

    /// The trust statement of `target` that allowed the hop (the template's, by index, in that role's policy).
    public func trustStatement(of target: String, index: SnapshotIndex) -> StatementReference? {
        guard target != template.target, let role = index.rolesByARN[target] else { return template.trustStatement }
        return template.trustStatement.map { Self.statement($0, of: role) }
    }

    /// The trust statements of `target` that allow the hop.
    public func allowingStatements(of target: String, index: SnapshotIndex) -> [StatementReference] {
        guard target != template.target, let role = index.rolesByARN[target] else { return template.allowingStatements }
        return template.allowingStatements.map { Self.statement($0, of: role) }
    }

    /// The same statement (by index) of another role of the group, whose trust policy is the same document.
    private static func statement(_ statement: StatementReference, of role: Role) -> StatementReference {
        StatementReference.trust(of: role, index: statement.index, sid: statement.sid)
    }
}
