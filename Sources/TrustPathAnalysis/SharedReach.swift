/// What the large strongly connected components of a `RoleGraph` reach, as bit sets over role numbers. Every role
/// of a component reaches the same roles, so a door's count walk that meets one takes its bit set and walks no
/// further: the organization-wide roles of a large organization form one such component, and thousands of doors lead
/// into it. Which components are kept changes only the cost of a count, never the count.
final class SharedReach: Sendable {
    /// The shared component of each role, by number (-1 for none).
    let componentOf: [Int32]
    /// Per shared component: the roles it reaches (itself included), a bit per role number.
    let reach: [[UInt64]]
    /// Per severity rank: the roles of that rank, a bit per role number.
    let roleOfRank: [[UInt64]]

    /// Finds the components of at least `smallest` roles (at most `limit` of them, the largest) and what each reaches.
    /// Gives up sharing, leaving counts to walk, when listing the graph's sets would take more than `budget` arcs.
    init(roles: RoleGraph, ranks: [UInt8], rankCount: Int, smallest: Int = 32, limit: Int = 256, budget: Int = 20_000_000) {
        let (componentOf, reach) = Self.shared(roles, smallest: smallest, limit: limit, budget: budget)
        self.componentOf = componentOf
        self.reach = reach
        let words = (roles.roleCount + 63) / 64
        var byRank = Array(repeating: [UInt64](repeating: 0, count: reach.isEmpty ? 0 : words), count: rankCount)
        if !reach.isEmpty {
            for number in 0..<roles.roleCount where Int(ranks[number]) < rankCount {
                byRank[Int(ranks[number])][number >> 6] |= 1 << UInt64(number & 63)
            }
        }
        roleOfRank = byRank
    }

    private static func shared(_ roles: RoleGraph, smallest: Int, limit: Int, budget: Int)
        -> (componentOf: [Int32], reach: [[UInt64]]) {
        let count = roles.roleCount
        let words = (count + 63) / 64
        var componentOf = [Int32](repeating: -1, count: count)
        var reach: [[UInt64]] = []
        guard let graph = listedGraph(roles, budget: budget) else { return (componentOf, reach) }
        let components = stronglyConnectedComponents(graph, roleCount: count)
        // Tarjan's order puts a component after every component it reaches: each is walked with those already known.
        let kept = components.enumerated().filter { $0.element.count >= max(1, smallest) }
            .sorted { $0.element.count > $1.element.count }.prefix(limit).map(\.offset).sorted()
        guard !kept.isEmpty else { return (componentOf, reach) }
        let marks = WalkMarks(roles: count, sets: roles.setCount)
        let expander = SetExpander(roles: roles, fullPasses: 1)
        for component in kept {
            let members = components[component]
            var bits = [UInt64](repeating: 0, count: words)
            walk(from: Int(members[0]), roles: roles, marks: marks, expander: expander, componentOf: componentOf,
                 reach: reach) { number in bits[number >> 6] |= 1 << UInt64(number & 63) } merge: { known in
                for word in 0..<words { bits[word] |= known[word] }
            }
            for member in members { componentOf[Int(member)] = Int32(reach.count) }
            reach.append(bits)
        }
        return (componentOf, reach)
    }

    /// Every role behind `start` (itself included) not inside a shared component, passed to `visit`; the reach of each
    /// shared component met, passed to `merge` once. Their union is everything behind `start`. Which roles a set reaches
    /// does not depend on the order sets are expanded in (`SetExpander` visits every member not marked yet), so a
    /// stack serves as well as a breadth-first queue.
    static func walk(from start: Int, roles: RoleGraph, marks: WalkMarks, expander: SetExpander, componentOf: [Int32],
                     reach: [[UInt64]], visit: (Int) -> Void, merge: ([UInt64]) -> Void) {
        marks.begin()
        expander.begin()
        _ = marks.markRole(start)
        var merged: Set<Int32> = []
        var pending = [Int32(start)]
        while let from = pending.popLast() {
            let component = componentOf[Int(from)]
            if component >= 0 {
                if merged.insert(component).inserted { merge(reach[Int(component)]) }
                continue
            }
            visit(Int(from))
            for edge in roles.edges(of: Int(from)) {
                let set = Int(roles.edgeSet[edge])
                guard marks.markSet(set) else { continue }
                expander.expand(set, depth: 0, settled: marks.isMarked(role:)) { number in
                    if marks.markRole(number) { pending.append(Int32(number)) }
                }
            }
        }
    }

    /// The graph with every set listed: roles are nodes `0..<roleCount`, set `s` is node `roleCount + s`; nil past
    /// `budget` arcs.
    private static func listedGraph(_ roles: RoleGraph, budget: Int) -> (start: [Int32], arcs: [Int32])? {
        let count = roles.roleCount
        var start: [Int32] = [0]
        var arcs: [Int32] = []
        start.reserveCapacity(count + roles.setCount + 1)
        for role in 0..<count {
            for edge in roles.edges(of: role) { arcs.append(Int32(count) + roles.edgeSet[edge]) }
            start.append(Int32(arcs.count))
        }
        for set in 0..<roles.setCount {
            let listed = roles.listed(in: set)
            let base = Int(roles.setBase[set])
            if base < 0 {
                arcs += listed
            } else {
                // The base's members but those listed (both in number order).
                var out = listed.startIndex
                for member in roles.members(ofBase: base) {
                    if out < listed.endIndex, listed[out] == member {
                        out += 1
                    } else {
                        arcs.append(member)
                    }
                }
            }
            guard arcs.count <= budget else { return nil }
            start.append(Int32(arcs.count))
        }
        return (start, arcs)
    }

    /// The strongly connected components' roles (Tarjan's algorithm without recursion), each component after every
    /// component it reaches. Set nodes belong to components too, but only roles are listed.
    private static func stronglyConnectedComponents(_ graph: (start: [Int32], arcs: [Int32]), roleCount: Int) -> [[Int32]] {
        let nodes = graph.start.count - 1
        var index = [Int32](repeating: -1, count: nodes)
        var low = [Int32](repeating: 0, count: nodes)
        var onStack = [Bool](repeating: false, count: nodes)
        var stack: [Int32] = []
        var components: [[Int32]] = []
        var next: Int32 = 0
        // The call stack: a node and the position of the next arc to follow.
        var calls: [(node: Int32, arc: Int32)] = []
        for root in 0..<nodes where index[root] < 0 {
            calls.append((Int32(root), graph.start[root]))
            index[root] = next
            low[root] = next
            next += 1
            stack.append(Int32(root))
            onStack[root] = true
            while let call = calls.last {
                let node = Int(call.node)
                if call.arc < graph.start[node + 1] {
                    calls[calls.count - 1].arc += 1
                    let target = Int(graph.arcs[Int(call.arc)])
                    if index[target] < 0 {
                        index[target] = next
                        low[target] = next
                        next += 1
                        stack.append(Int32(target))
                        onStack[target] = true
                        calls.append((Int32(target), graph.start[target]))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                    continue
                }
                calls.removeLast()
                if let parent = calls.last { low[Int(parent.node)] = min(low[Int(parent.node)], low[node]) }
                guard low[node] == index[node] else { continue }
                var roles: [Int32] = []
                while let member = stack.popLast() {
                    onStack[Int(member)] = false
                    if Int(member) < roleCount { roles.append(member) }
                    if Int(member) == node { break }
                }
                components.append(roles.sorted())
            }
        }
        return components
    }
}
