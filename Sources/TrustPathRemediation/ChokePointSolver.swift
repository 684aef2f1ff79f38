import TrustPathAnalysis
import TrustPathEngine

/// The smallest set of trust-statement fixes that cuts every chain from an entry to a target role:
/// an exact minimum cut, computed as a maximum flow where each fixable trust statement is a node of
/// capacity 1 (split in two), entries hang off a super-source and the targets feed a super-sink.
/// Statements of service-linked roles have unbounded capacity: they are never chosen.
/// Cost: Dinic's algorithm, O(V²·E) in general and far less with unit capacities; V and E are the
/// reachable roles, statements and hop bundles (an actor's hops into a set of alike roles pass one node of the
/// set), not every pair of roles.
public enum ChokePointSolver {
    public struct Solution: Sendable {
        /// The fixes, one per cut statement, sorted.
        public var fixes: [Fix]
        /// Target roles no set of trust fixes can cut off (reachable only through unfixable statements).
        public var uncuttableTargets: [String]
    }

    public static func solve(_ edges: AttackEdges, targets allTargets: Set<String>, planner: FixPlanner) -> Solution {
        let uncuttable = uncuttableTargets(edges, targets: allTargets, planner: planner)
        let targets = allTargets.subtracting(uncuttable)
        guard !targets.isEmpty else { return Solution(fixes: [], uncuttableTargets: uncuttable.sorted()) }
        let index = edges.index
        let names = index.targetGroups.roleARNs
        var entryNodes: [Actor: Int] = [:]
        // Roles and statements by number, not by ARN: a large organization lays millions of arcs here.
        var roleNodes = [Int](repeating: -1, count: names.count)
        var statementIDs: [StatementKey: Int] = [:]
        var statementSids: [StatementKey: String?] = [:]
        var nodeCount = 2
        func newNode(_ width: Int = 1) -> Int {
            nodeCount += width
            return nodeCount - width
        }
        func roleNode(_ number: Int) -> Int {
            if roleNodes[number] < 0 { roleNodes[number] = newNode() }
            return roleNodes[number]
        }
        func node(_ actor: Actor, number: Int?) -> Int {
            if let number { return roleNode(number) }
            if let id = entryNodes[actor] { return id }
            let id = newNode()
            entryNodes[actor] = id
            return id
        }
        func statementNode(_ key: StatementKey, sid: String?) -> Int {
            if let id = statementIDs[key] { return id }
            let id = newNode(2)
            statementIDs[key] = id
            statementSids[key] = sid
            return id
        }
        // A role a service entry obtains is a dead end: nothing chains from it, so it gets a node of its own.
        var deadEnds: [Int: Int] = [:]
        func deadEnd(_ number: Int) -> Int {
            if let id = deadEnds[number] { return id }
            let id = newNode()
            deadEnds[number] = id
            return id
        }
        for entry in edges.entries { _ = node(entry, number: nil) }
        var arcs: [(from: Int, to: Int)] = []
        var seenArcs: Set<Arc> = []
        func arc(_ from: Int, _ to: Int) {
            if seenArcs.insert(Arc(from: from, to: to)).inserted { arcs.append((from, to)) }
        }
        // An actor's hops into a shared set of roles go through one node per set (and allowing statements, and whether
        // the actor chains onward): the set's arcs into its statements are laid once, not once per caller.
        var setNodes: [SetNodeKey: Int] = [:]
        // Sets that are a base but one run lay two arcs into chains over the base, keyed by base.
        var baseChains = BaseChains<SetNodeKey>()
        func connect(_ from: Int, bundle: AttackEdges.Bundle, target number: Int, chains: Bool) {
            let to = chains ? roleNode(number) : deadEnd(number)
            for statement in bundle.hop.template.allowingStatements {
                let statementIn = statementNode(StatementKey(role: number, index: statement.index), sid: statement.sid)
                arc(from, statementIn)
                arc(statementIn + 1, to)
            }
        }
        for bundle in edges.bundles {
            let from = node(bundle.actor, number: bundle.actorNumber)
            let chains = bundle.actor.chainsOnward
            let numbers = bundle.targetNumbers.filter { $0 >= 0 }
            guard let set = bundle.targetSet, numbers.count > 1 else {
                for number in numbers { connect(from, bundle: bundle, target: number, chains: chains) }
                continue
            }
            let key = SetNodeKey(set: set, statements: bundle.statementIndices, chains: chains)
            let setNode = setNodes[key] ?? {
                let id = newNode()
                setNodes[key] = id
                if let run = edges.roles.run(ofTargetSet: set) {
                    baseChains.lay(from: id, key: SetNodeKey(set: run.base, statements: bundle.statementIndices, chains: chains),
                                   members: edges.roles.members(ofBase: run.base), lower: run.lower, upper: run.upper,
                                   newNode: { newNode() }, arc: { arc($0, $1) },
                                   connect: { connect($0, bundle: bundle, target: $1, chains: chains) })
                } else {
                    for number in numbers { connect(id, bundle: bundle, target: number, chains: chains) }
                }
                return id
            }()
            arc(from, setNode)
        }
        var references: [StatementKey: StatementReference] = [:]
        for key in statementIDs.keys {
            guard let role = index.rolesByARN[names[key.role]] else { continue }
            references[key] = StatementReference.trust(of: role, index: key.index, sid: statementSids[key] ?? nil)
        }
        var flow = MaxFlow(nodes: nodeCount)
        for entry in edges.entries { flow.addEdge(0, node(entry, number: nil), capacity: MaxFlow.infinite) }
        for (from, to) in arcs { flow.addEdge(from, to, capacity: MaxFlow.infinite) }
        for (key, statementIn) in statementIDs {
            let fixable = references[key].map(planner.canFix) ?? false
            flow.addEdge(statementIn, statementIn + 1, capacity: fixable ? 1 : MaxFlow.infinite)
        }
        for target in targets.sorted() {
            guard let number = index.targetGroups.roleNumbers[target] else { continue }
            if roleNodes[number] >= 0 { flow.addEdge(roleNodes[number], 1, capacity: MaxFlow.infinite) }
            if let end = deadEnds[number] { flow.addEdge(end, 1, capacity: MaxFlow.infinite) }
        }

        _ = flow.run(source: 0, sink: 1)
        let sourceSide = flow.sourceSide(0)
        let cut = Set(statementIDs.filter { sourceSide.contains($0.value) && !sourceSide.contains($0.value + 1) }.keys
            .compactMap { references[$0] })
        let fixes = closings(of: cut, edges: edges).compactMap { planner.fix(for: $0.statement, closing: $0.closing) }.sorted()
        return Solution(fixes: fixes, uncuttableTargets: uncuttable.sorted())
    }

    /// The actors each cut statement lets through, which its fix must close. A bundle's roles share one trust document,
    /// so the statement's index tells whether the bundle passes it; callers are kept as role numbers, since thousands of
    /// roles of every account lead into a role of an organization-wide group.
    private static func closings(of cut: Set<StatementReference>, edges: AttackEdges)
        -> [(statement: StatementReference, closing: FixPlanner.Closing)] {
        var lastSeen = [Int](repeating: -1, count: edges.index.targetGroups.roleARNs.count)
        return cut.enumerated().map { position, statement in
            var others: Set<Actor> = []
            var sessions: [Int] = []
            for bundle in edges.bundles(into: statement.owner) where edges.bundles[bundle].statementIndices.contains(statement.index) {
                if let number = edges.bundles[bundle].actorNumber {
                    if lastSeen[number] != position { sessions.append(number) }
                    lastSeen[number] = position
                } else {
                    others.insert(edges.bundles[bundle].actor)
                }
            }
            return (statement, FixPlanner.Closing(others: others.sorted(), sessions: sessions))
        }
    }

    /// Targets reachable through hops that no trust fix can close (a statement of a service-linked role, or a hop
    /// with no trust statement to edit).
    static func uncuttableTargets(_ edges: AttackEdges, targets: Set<String>, planner: FixPlanner) -> Set<String> {
        // A bundle's roles share their trust and whether it can be edited: its first role answers for all.
        let permanent = edges.bundles.indices.filter { position in
            let bundle = edges.bundles[position]
            guard let first = bundle.targets.first else { return false }
            let statements = edges.statements(of: position, target: first)
            return statements.isEmpty || statements.contains { !planner.canFix($0) }
        }
        var next: [Actor: [Int]] = [:]
        for position in permanent { next[edges.bundles[position].actor, default: []].append(position) }
        var reached: Set<String> = []
        var expanded: Set<String> = []
        var expandedSets: Set<Int> = []
        var stack = edges.entries
        while let actor = stack.popLast() {
            for position in next[actor] ?? [] {
                let bundle = edges.bundles[position]
                if let set = bundle.targetSet, actor.chainsOnward, !expandedSets.insert(set).inserted { continue }
                for target in bundle.targets {
                    reached.insert(target)
                    if actor.chainsOnward, expanded.insert(target).inserted { stack.append(.roleSession(target)) }
                }
            }
        }
        return reached.intersection(targets)
    }

    private struct Arc: Hashable {
        var from: Int
        var to: Int
    }

    private struct StatementKey: Hashable {
        var role: Int
        var index: Int
    }

    private struct SetNodeKey: Hashable {
        var set: Int
        var statements: [Int]
        var chains: Bool
    }
}
