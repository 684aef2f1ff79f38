import Synchronization
import TrustPathEngine
import TrustPathModel

/// The directed graph of who can become which role. Edges are found on demand through the trust index
/// (an account-root trust is never expanded into every pair) and a role session's edges are computed once.
public final class AttackGraph: Sendable {
    public let evaluator: HopEvaluator
    private let sessionEdges = Mutex<[String: [HopVerdict]]>([:])
    private let permissions: AssumePermissions

    public init(index: SnapshotIndex) {
        evaluator = HopEvaluator(index: index)
        permissions = AssumePermissions(index: index)
    }

    /// The open or conditional hops from an actor, sorted by target.
    public func edges(from actor: Actor) -> [HopVerdict] {
        if case .roleSession(let arn) = actor, let cached = sessionEdges.withLock({ $0[arn] }) { return cached }
        // Most sessions hold no sts:AssumeRole permission: their hops into other accounts are closed, unevaluated.
        let index = evaluator.index
        let candidates: [String]
        if case .roleSession(let arn) = actor, let caller = index.rolesByARN[arn], !permissions.mayAssumeRoles(caller) {
            candidates = index.candidateTargetsWithoutIdentityPermission(for: actor)
        } else {
            candidates = index.candidateTargets(for: actor)
        }
        let verdicts = candidates
            .map { evaluator.evaluate(actor, to: $0) }
            .filter { $0.state != .closed }
        if case .roleSession(let arn) = actor { sessionEdges.withLock { $0[arn] = verdicts } }
        return verdicts
    }
}
