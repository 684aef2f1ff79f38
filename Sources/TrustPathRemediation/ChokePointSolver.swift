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
        var ids: [Actor: Int] = [:]
        var statementIDs: [StatementReference: Int] = [:]
        var nodeCount = 2
        func node(_ actor: Actor) -> Int {
            if let id = ids[actor] { return id }
            ids[actor] = nodeCount
            nodeCount += 1
            return nodeCount - 1
        }
        func statementNode(_ statement: StatementReference) -> Int {
            if let id = statementIDs[statement] { return id }
            statementIDs[statement] = nodeCount
            nodeCount += 2
            return nodeCount - 2
        }
        // A role a service entry obtains is a dead end: nothing chains from it, so it gets a node of its own.
        var deadEnds: [String: Int] = [:]
        func deadEnd(_ target: String) -> Int {
            if let id = deadEnds[target] { return id }
            deadEnds[target] = nodeCount
            nodeCount += 1
            return nodeCount - 1
        }
        for entry in edges.entries { _ = node(entry) }
        var arcs: [(from: Int, to: Int)] = []
        var seenArcs: Set<Arc> = []
        func arc(_ from: Int, _ to: Int) {
            if seenArcs.insert(Arc(from: from, to: to)).inserted { arcs.append((from, to)) }
        }
        // An actor's hops into a shared set of roles go through one node per set (and allowing statements, and whether
        // the actor chains onward): the set's arcs into its statements are laid once, not once per caller.
        var setNodes: [SetNodeKey: Int] = [:]
        func connect(_ from: Int, bundle position: Int, target: String, chains: Bool) {
            let to = chains ? node(.roleSession(target)) : deadEnd(target)
            for statement in edges.statements(of: position, target: target) {
                let statementIn = statementNode(statement)
                arc(from, statementIn)
                arc(statementIn + 1, to)
            }
        }
        for position in edges.bundles.indices {
            let bundle = edges.bundles[position]
            let from = node(bundle.actor)
            let chains = bundle.actor.chainsOnward
            guard let set = bundle.targetSet, bundle.targets.count > 1 else {
                for target in bundle.targets { connect(from, bundle: position, target: target, chains: chains) }
                continue
            }
            let key = SetNodeKey(set: set, statements: bundle.statementIndices, chains: chains)
            let setNode = setNodes[key] ?? {
                let id = nodeCount
                nodeCount += 1
                setNodes[key] = id
                for target in bundle.targets { connect(id, bundle: position, target: target, chains: chains) }
                return id
            }()
            arc(from, setNode)
        }
        var flow = MaxFlow(nodes: nodeCount)
        for entry in edges.entries { flow.addEdge(0, node(entry), capacity: MaxFlow.infinite) }
        for (from, to) in arcs { flow.addEdge(from, to, capacity: MaxFlow.infinite) }
        for (statement, statementIn) in statementIDs {
            flow.addEdge(statementIn, statementIn + 1, capacity: planner.canFix(statement) ? 1 : MaxFlow.infinite)
        }
        for target in targets.sorted() {
            if let id = ids[.roleSession(target)] { flow.addEdge(id, 1, capacity: MaxFlow.infinite) }
            if let end = deadEnds[target] { flow.addEdge(end, 1, capacity: MaxFlow.infinite) }
        }

        _ = flow.run(source: 0, sink: 1)
        let sourceSide = flow.sourceSide(0)
        let cut = Set(statementIDs.filter { sourceSide.contains($0.value) && !sourceSide.contains($0.value + 1) }.keys)
        // The actors each cut statement lets through, which its fix must close.
        var actorsThrough: [StatementReference: Set<Actor>] = [:]
        for statement in cut {
            for position in edges.bundles(into: statement.owner)
            where edges.statements(of: position, target: statement.owner).contains(statement) {
                actorsThrough[statement, default: []].insert(edges.bundles[position].actor)
            }
        }
        let fixes = cut.compactMap { planner.fix(for: $0, closing: actorsThrough[$0, default: []].sorted()) }.sorted()
        return Solution(fixes: fixes, uncuttableTargets: uncuttable.sorted())
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

    private struct SetNodeKey: Hashable {
        var set: Int
        var statements: [Int]
        var chains: Bool
    }
}
