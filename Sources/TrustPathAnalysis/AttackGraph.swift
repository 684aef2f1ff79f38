import Synchronization
import TrustPathEngine
import TrustPathModel

/// The directed graph of who can become which role. Edges are found on demand through the trust index
/// (an account-root trust is never expanded into every pair), judged a group of alike roles at a time
/// (`HopBundler`), and an actor's bundles are computed once: a session's hops into an account whose roles all
/// trust the account root are one bundle, not one hop per role.
public final class AttackGraph: Sendable {
    public let evaluator: HopEvaluator
    private let bundler: HopBundler
    /// Every entry's bundles, computed once: each entry is searched twice (open hops, then any) and walked again by
    /// doors and remediation.
    private let entryBundles = Mutex<[Actor: [HopBundle]]>([:])
    /// Every role session's bundles, by role number: walks that expand every role behind a door look these up most.
    private let sessionBundles: Mutex<[[HopBundle]?]>
    private let permissions: AssumePermissions

    public init(index: SnapshotIndex) {
        evaluator = HopEvaluator(index: index)
        bundler = HopBundler(evaluator: evaluator)
        permissions = AssumePermissions(index: index)
        sessionBundles = Mutex(Array(repeating: nil, count: index.targetGroups.roleARNs.count))
    }

    public var index: SnapshotIndex { evaluator.index }

    /// Every role's ARN by number (`TargetGroups.roleNumbers`).
    public var roleARNs: [String] { evaluator.index.targetGroups.roleARNs }

    /// The trust statements the public (`*`) passes: an outside account passing one of them is listed under the
    /// public entry, not as an entry of its own (search, doors and fix impact all read this).
    public var publicStatements: Set<StatementReference> { Set(edges(from: .anyone).compactMap(\.trustStatement)) }

    /// The open or conditional hops from an actor, bundled by alike targets, ordered by first target; computed once.
    public func bundles(from actor: Actor) -> [HopBundle] {
        if case .roleSession(let arn) = actor, let number = index.targetGroups.roleNumbers[arn] {
            return bundles(fromRole: number)
        }
        if let cached = entryBundles.withLock({ $0[actor] }) { return cached }
        let bundles = judge(actor)
        entryBundles.withLock { $0[actor] = bundles }
        return bundles
    }

    /// The bundles from a session of the role with this number.
    public func bundles(fromRole number: Int) -> [HopBundle] {
        if let cached = sessionBundles.withLock({ $0[number] }) { return cached }
        let bundles = judge(.roleSession(roleARNs[number]))
        sessionBundles.withLock { $0[number] = bundles }
        return bundles
    }

    private func judge(_ actor: Actor) -> [HopBundle] {
        // Most sessions hold no sts:AssumeRole permission: their hops into other accounts are closed, unevaluated.
        let index = evaluator.index
        let withoutPermission: Bool = if case .roleSession(let arn) = actor, let caller = index.rolesByARN[arn] {
            !permissions.mayAssumeRoles(caller)
        } else { false }
        return bundler.bundles(from: actor, into: index.candidateGroups(for: actor, withoutIdentityPermission: withoutPermission))
    }

    /// Every open or conditional hop from an actor, one verdict per target, sorted by target. Costs one verdict per
    /// hop: for an entry's first hops (the doors), not for walking the graph (`bundles(from:)`).
    public func edges(from actor: Actor) -> [HopVerdict] {
        let index = evaluator.index
        return bundles(from: actor).flatMap { bundle in bundle.targets.map { bundle.verdict(for: $0, index: index) } }
            .sorted { $0.target < $1.target }
    }
}
