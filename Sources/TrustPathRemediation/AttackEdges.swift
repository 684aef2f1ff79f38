import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// Every hop reachable from the entries, as the graph bundles them: the material for what-if questions
/// ("which findings go away if this statement is fixed?") without evaluating policies again. A bundle is one
/// actor's hops into alike roles, so an account whose roles all trust its root costs one bundle per caller.
public struct AttackEdges: Sendable {
    /// One actor's hops into roles it treats alike: the same statements (by index) of each role's trust allow them.
    public struct Bundle: Sendable {
        public var actor: Actor
        /// The acting role's number, for a role session.
        public var actorNumber: Int?
        /// The graph's bundle: its roles, their numbers, its shared target set and its verdict.
        public let hop: HopBundle
        /// The indices of each target's trust statements that allow the hop; it closes only when all of them do.
        public let statementIndices: [Int]

        /// The roles, sorted by ARN.
        public var targets: [String] { hop.targets }
        /// The same roles by number (`TargetGroups.roleNumbers`).
        public var targetNumbers: [Int] { hop.targetNumbers }
        /// Shared by bundles of other actors into the same roles (see `HopBundle.targetSet`).
        public var targetSet: Int? { hop.targetSet }
    }

    /// One hop with the trust statements that allow it, for questions asked hop by hop.
    public struct Edge: Sendable, Hashable {
        public var actor: Actor
        public var target: String
        /// The trust statements that allow the hop; it closes only when all of them do.
        public var statements: [StatementReference]
    }

    public let entries: [Actor]
    public let bundles: [Bundle]
    let index: SnapshotIndex
    /// The analysis's role graph: which shared target sets are a base's members but one run (`BaseChains`).
    let roles: RoleGraph
    let outgoing: [Actor: [Int]]
    /// The statements the public passes: an outside account passing one is the public's pair, not its own.
    let publicStatements: Set<StatementReference>
    /// Per role: the bundles into it that share no target set, and the target sets that hold it.
    private let loneBundlesInto: [String: [Int]]
    private let setsHolding: [String: [Int]]
    private let bundlesOfSet: [Int: [Int]]

    public init(_ result: AnalysisResult) {
        var bundles: [Bundle] = []
        var outgoing: [Actor: [Int]] = [:]
        var visited: Set<Actor> = []
        var listedSets: Set<Int> = []
        var queuedSets: Set<Int> = []
        var loneBundlesInto: [String: [Int]] = [:]
        var setsHolding: [String: [Int]] = [:]
        var bundlesOfSet: [Int: [Int]] = [:]
        var queue = result.actors
        while let actor = queue.popLast() {
            guard visited.insert(actor).inserted else { continue }
            let actorNumber: Int? = if case .roleSession(let arn) = actor { result.index.targetGroups.roleNumbers[arn] } else { nil }
            for hop in result.graph.bundles(from: actor) {
                let position = bundles.count
                outgoing[actor, default: []].append(position)
                bundles.append(Bundle(actor: actor, actorNumber: actorNumber, hop: hop, statementIndices: hop.allowingIndices))
                if let set = hop.targetSet {
                    // A set's members are listed, and queued, once whoever leads into it.
                    bundlesOfSet[set, default: []].append(position)
                    if listedSets.insert(set).inserted {
                        for target in hop.targets { setsHolding[target, default: []].append(set) }
                    }
                    if actor.chainsOnward, queuedSets.insert(set).inserted { queue += hop.targets.map { .roleSession($0) } }
                } else {
                    for target in hop.targets { loneBundlesInto[target, default: []].append(position) }
                    if actor.chainsOnward { queue += hop.targets.map { .roleSession($0) } }
                }
            }
        }
        self.entries = result.actors
        self.bundles = bundles
        self.index = result.index
        roles = result.reach.roles
        self.outgoing = outgoing
        self.loneBundlesInto = loneBundlesInto
        self.setsHolding = setsHolding
        self.bundlesOfSet = bundlesOfSet
        publicStatements = result.graph.publicStatements
    }

    /// The bundles that lead into `role`, by position in `bundles`: one per actor with a hop into it.
    func bundles(into role: String) -> [Int] {
        (loneBundlesInto[role] ?? []) + (setsHolding[role] ?? []).flatMap { bundlesOfSet[$0] ?? [] }
    }

    /// The trust statements of `target` that allow the hops of bundle `position`.
    func statements(of position: Int, target: String) -> [StatementReference] {
        bundles[position].hop.allowingStatements(of: target, index: index)
    }

    /// Every hop, one edge each. Costs one edge per (actor, role) hop: for tests and small snapshots.
    public var edges: [Edge] {
        bundles.indices.flatMap { position in
            bundles[position].targets.map { Edge(actor: bundles[position].actor, target: $0,
                                                 statements: statements(of: position, target: $0)) }
        }
    }

    /// The roles each entry reaches when `isClosed` removes some hops: the findings that would remain. Asks hop by
    /// hop: for tests and small snapshots.
    public func reachablePairs(isClosed: (Edge) -> Bool) -> Set<String> {
        var pairs: Set<String> = []
        for entry in entries {
            var seen: Set<String> = []
            var stack = [entry]
            let skipsPublic: Bool = if case .externalAccount = entry { true } else { false }
            while let actor = stack.popLast() {
                for position in outgoing[actor] ?? [] {
                    for target in bundles[position].targets {
                        let edge = Edge(actor: actor, target: target, statements: statements(of: position, target: target))
                        if isClosed(edge) { continue }
                        if skipsPublic, actor == entry, edge.statements.contains(where: publicStatements.contains) { continue }
                        if seen.insert(target).inserted, entry.chainsOnward { stack.append(.roleSession(target)) }
                    }
                }
            }
            for target in seen { pairs.insert(Self.pair(entry, target)) }
        }
        return pairs
    }

    static func pair(_ entry: Actor, _ target: String) -> String {
        "\(entry.entryKind?.rawValue ?? "role"):\(entry.id)->\(target)"
    }

    /// Whether a set of fixes (by statement) closes an edge: every statement allowing it must be fixed, each for
    /// the kind of actor on the edge.
    public static func closes(_ fixes: [StatementReference: Fix], _ edge: Edge) -> Bool {
        !edge.statements.isEmpty && edge.statements.allSatisfy { statement in
            fixes[statement].map { $0.closes(FixPlanner.ActorClass(edge.actor)) } ?? false
        }
    }
}

extension Fix {
    /// Whether this fix stops hops from this kind of actor.
    public func closes(_ actorClass: FixPlanner.ActorClass) -> Bool {
        kinds.contains { kind in
            switch kind {
            case .addExternalID: true
            case .addPrincipalOrgID: actorClass == .outsider
            case .addSourceConditions: actorClass == .service
            case .pinSubject: actorClass == .federated
            case .replaceAccountRoot: actorClass == .roleSession
            case .restrictPrincipalARN: actorClass == .outsider || actorClass == .roleSession
            }
        }
    }
}
