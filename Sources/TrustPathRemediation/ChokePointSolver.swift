import TrustPathAnalysis
import TrustPathEngine

/// The smallest set of trust-statement fixes that cuts every chain from an entry to a target role:
/// an exact minimum cut, computed as a maximum flow where each fixable trust statement is a node of
/// capacity 1 (split in two), entries hang off a super-source and the targets feed a super-sink.
/// Statements of service-linked roles have unbounded capacity: they are never chosen.
/// Cost: Dinic's algorithm, O(V²·E) in general and far less with unit capacities; V and E are the
/// reachable roles, statements and hops, not every pair of roles.
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
        // Each edge's nodes, looked up once: the flow network has an arc pair per edge and statement.
        let edgeNodes = edges.edges.map { edge in
            (from: node(edge.actor),
             to: !edge.actor.chainsOnward ? deadEnd(edge.target) : node(.roleSession(edge.target)),
             statements: edge.statements.map(statementNode))
        }
        var flow = MaxFlow(nodes: nodeCount)
        for entry in edges.entries { flow.addEdge(0, node(entry), capacity: MaxFlow.infinite) }
        for edge in edgeNodes {
            for statementIn in edge.statements {
                flow.addEdge(edge.from, statementIn, capacity: MaxFlow.infinite)
                flow.addEdge(statementIn + 1, edge.to, capacity: MaxFlow.infinite)
            }
        }
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
        for edge in edges.edges {
            for statement in edge.statements where cut.contains(statement) {
                actorsThrough[statement, default: []].insert(edge.actor)
            }
        }
        let fixes = cut.compactMap { planner.fix(for: $0, closing: actorsThrough[$0, default: []].sorted()) }.sorted()
        return Solution(fixes: fixes, uncuttableTargets: uncuttable.sorted())
    }

    /// Targets reachable through hops that no trust fix can close (a statement of a service-linked role, or a hop
    /// with no trust statement to edit).
    static func uncuttableTargets(_ edges: AttackEdges, targets: Set<String>, planner: FixPlanner) -> Set<String> {
        // Once per statement, not once per edge through it: an organization-wide statement has thousands.
        var fixable: [StatementReference: Bool] = [:]
        for edge in edges.edges {
            for statement in edge.statements where fixable[statement] == nil { fixable[statement] = planner.canFix(statement) }
        }
        let permanent = edges.edges.filter { edge in
            edge.statements.isEmpty || edge.statements.contains { fixable[$0] != true }
        }
        var next: [Actor: [String]] = [:]
        for edge in permanent { next[edge.actor, default: []].append(edge.target) }
        var reached: Set<String> = []
        var expanded: Set<String> = []
        var stack = edges.entries
        while let actor = stack.popLast() {
            for target in next[actor] ?? [] {
                reached.insert(target)
                if actor.chainsOnward, expanded.insert(target).inserted { stack.append(.roleSession(target)) }
            }
        }
        return reached.intersection(targets)
    }
}
