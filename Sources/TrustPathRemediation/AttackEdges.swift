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
    /// Per role (by number): the bundles into it that share no target set, and the target sets that hold it.
    private let loneBundlesInto: [[Int]]
    private let setsHolding: [[Int]]
    private let bundlesOfSet: [Int: [Int]]

    /// Walks the graph from the entries once. Roles are handled by number (an organization holds a hundred thousand
    /// of them): a role is visited once, and a shared set's members are listed and queued once, whoever leads into it.
    public init(_ result: AnalysisResult) {
        let names = result.index.targetGroups.roleARNs
        var bundles: [Bundle] = []
        var outgoing: [Actor: [Int]] = [:]
        var visitedRoles = [Bool](repeating: false, count: names.count)
        var visitedEntries: Set<Actor> = []
        var listedSets: Set<Int> = []
        var queuedSets: Set<Int> = []
        var loneBundlesInto = [[Int]](repeating: [], count: names.count)
        var setsHolding = [[Int]](repeating: [], count: names.count)
        var bundlesOfSet: [Int: [Int]] = [:]
        // One stack, as a depth-first walk: the last entry first, and the roles an actor leads into before the entries
        // still waiting (the order fixes the bundles' positions, and so which of several equal minimum cuts is found).
        var entries = result.actors
        var roleQueue: [Int] = []
        while true {
            let actor: Actor
            let actorNumber: Int?
            if let number = roleQueue.popLast() {
                guard !visitedRoles[number] else { continue }
                visitedRoles[number] = true
                actor = .roleSession(names[number])
                actorNumber = number
            } else if let entry = entries.popLast() {
                if case .roleSession(let arn) = entry, let number = result.index.targetGroups.roleNumbers[arn] {
                    roleQueue.append(number)
                    continue
                }
                guard visitedEntries.insert(entry).inserted else { continue }
                actor = entry
                actorNumber = nil
            } else {
                break
            }
            var positions: [Int] = []
            let hops = actorNumber.map { result.graph.bundles(fromRole: $0) } ?? result.graph.bundles(from: actor)
            for hop in hops {
                let position = bundles.count
                positions.append(position)
                bundles.append(Bundle(actor: actor, actorNumber: actorNumber, hop: hop, statementIndices: hop.allowingIndices))
                let numbers = hop.targetNumbers.filter { $0 >= 0 }
                if let set = hop.targetSet {
                    bundlesOfSet[set, default: []].append(position)
                    if listedSets.insert(set).inserted {
                        for number in numbers { setsHolding[number].append(set) }
                    }
                    if actor.chainsOnward, queuedSets.insert(set).inserted { roleQueue += numbers }
                } else {
                    for number in numbers { loneBundlesInto[number].append(position) }
                    if actor.chainsOnward { roleQueue += numbers }
                }
            }
            if !positions.isEmpty { outgoing[actor] = positions }
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
        guard let number = index.targetGroups.roleNumbers[role] else { return [] }
        return loneBundlesInto[number] + setsHolding[number].flatMap { bundlesOfSet[$0] ?? [] }
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
