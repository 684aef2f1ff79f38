import TrustPathAnalysis
import TrustPathEngine

/// Every hop reachable from the entries, flattened: the material for what-if questions
/// ("which findings go away if this statement is fixed?") without evaluating policies again.
public struct AttackEdges: Sendable {
    public struct Edge: Sendable, Hashable {
        public var actor: Actor
        public var target: String
        /// The trust statements that allow the hop; it closes only when all of them do.
        public var statements: [StatementReference]
    }

    public let entries: [Actor]
    public let edges: [Edge]
    let outgoing: [Actor: [Int]]
    /// The statements the public passes: an outside account passing one is the public's pair, not its own.
    let publicStatements: Set<StatementReference>

    public init(_ result: AnalysisResult) {
        var edges: [Edge] = []
        var outgoing: [Actor: [Int]] = [:]
        var visited: Set<Actor> = []
        var queue = result.actors
        while let actor = queue.popLast() {
            guard visited.insert(actor).inserted else { continue }
            for hop in result.graph.edges(from: actor) {
                outgoing[actor, default: []].append(edges.count)
                edges.append(Edge(actor: actor, target: hop.target, statements: hop.allowingStatements))
                if actor.chainsOnward { queue.append(.roleSession(hop.target)) }
            }
        }
        self.entries = result.actors
        self.edges = edges
        self.outgoing = outgoing
        publicStatements = result.graph.publicStatements
    }

    /// The roles each entry reaches when `isClosed` removes some edges: the findings that would remain.
    public func reachablePairs(isClosed: (Edge) -> Bool) -> Set<String> {
        var pairs: Set<String> = []
        for entry in entries {
            for target in reached(from: entry, isClosed: { isClosed(edges[$0]) }) { pairs.insert(Self.pair(entry, target)) }
        }
        return pairs
    }

    /// The roles one entry reaches when `isClosed` (given an edge's index) removes some edges.
    func reached(from entry: Actor, isClosed: (Int) -> Bool) -> Set<String> {
        var seen: Set<String> = []
        var stack = [entry]
        // Nothing chains from a role a service entry obtains.
        let chains = entry.chainsOnward
        let skipsPublic: Bool = if case .externalAccount = entry { true } else { false }
        while let actor = stack.popLast() {
            for edgeIndex in outgoing[actor] ?? [] where !isClosed(edgeIndex) {
                if skipsPublic, actor == entry, edges[edgeIndex].statements.contains(where: publicStatements.contains) { continue }
                let target = edges[edgeIndex].target
                if seen.insert(target).inserted, chains { stack.append(.roleSession(target)) }
            }
        }
        return seen
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
