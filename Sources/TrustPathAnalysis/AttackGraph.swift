import Synchronization
import TrustPathEngine
import TrustPathModel

/// The directed graph of who can become which role. Edges are found on demand through the trust index
/// (an account-root trust is never expanded into every pair) and a role session's edges are computed once.
public final class AttackGraph: Sendable {
    public let evaluator: HopEvaluator
    private let sessionEdges = Mutex<[String: [HopVerdict]]>([:])

    public init(index: SnapshotIndex) {
        evaluator = HopEvaluator(index: index)
    }

    /// The open or conditional hops from an actor, sorted by target.
    public func edges(from actor: Actor) -> [HopVerdict] {
        if case .roleSession(let arn) = actor, let cached = sessionEdges.withLock({ $0[arn] }) { return cached }
        let verdicts = evaluator.index.candidateTargets(for: actor)
            .map { evaluator.evaluate(actor, to: $0) }
            .filter { $0.state != .closed }
        if case .roleSession(let arn) = actor { sessionEdges.withLock { $0[arn] = verdicts } }
        return verdicts
    }
}
