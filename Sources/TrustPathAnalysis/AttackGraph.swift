import Synchronization
import TrustPathEngine
import TrustPathModel

/// The directed graph of who can become which role. Edges are found on demand through the trust index
/// (an account-root trust is never expanded into every pair) and an actor's edges are computed once.
public final class AttackGraph: Sendable {
    public let evaluator: HopEvaluator
    /// Every actor's edges, computed once: each entry is searched twice (open hops, then any) and walked
    /// again by remediation.
    private let cachedEdges = Mutex<[Actor: [HopVerdict]]>([:])
    private let permissions: AssumePermissions

    public init(index: SnapshotIndex) {
        evaluator = HopEvaluator(index: index)
        permissions = AssumePermissions(index: index)
    }

    /// The trust statements the public (`*`) passes: an outside account passing one of them is listed under the
    /// public entry, not as an entry of its own (search, doors and fix impact all read this).
    public var publicStatements: Set<StatementReference> { Set(edges(from: .anyone).compactMap(\.trustStatement)) }

    /// The open or conditional hops from an actor, sorted by target.
    public func edges(from actor: Actor) -> [HopVerdict] {
        if let cached = cachedEdges.withLock({ $0[actor] }) { return cached }
        // Most sessions hold no sts:AssumeRole permission: their hops into other accounts are closed, unevaluated.
        let index = evaluator.index
        let candidates: [String]
        if case .roleSession(let arn) = actor, let caller = index.rolesByARN[arn], !permissions.mayAssumeRoles(caller) {
            candidates = index.candidateTargetsWithoutIdentityPermission(for: actor)
        } else {
            candidates = index.candidateTargets(for: actor)
        }
        let verdicts = evaluator.evaluate(actor, to: candidates).filter { $0.state != .closed }
        cachedEdges.withLock { $0[actor] = verdicts }
        return verdicts
    }
}
