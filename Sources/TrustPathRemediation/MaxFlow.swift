/// Dinic's maximum flow on integer capacities, with the source side of a minimum cut.
struct MaxFlow {
    static let infinite = Int.max / 4

    private struct Arc {
        var to: Int
        var capacity: Int
        var reverse: Int
    }

    private var arcs: [[Arc]]
    private var level: [Int] = []
    private var next: [Int] = []

    init(nodes: Int) { arcs = Array(repeating: [], count: nodes) }

    mutating func addEdge(_ from: Int, _ to: Int, capacity: Int) {
        arcs[from].append(Arc(to: to, capacity: capacity, reverse: arcs[to].count))
        arcs[to].append(Arc(to: from, capacity: 0, reverse: arcs[from].count - 1))
    }

    /// Pushes the maximum flow; returns its value (capped at `infinite` when no finite cut exists).
    mutating func run(source: Int, sink: Int) -> Int {
        var flow = 0
        while buildLevels(source: source, sink: sink) {
            next = Array(repeating: 0, count: arcs.count)
            while true {
                let pushed = push(source, sink, Self.infinite)
                if pushed == 0 { break }
                flow += pushed
                if flow >= Self.infinite { return Self.infinite }
            }
        }
        return flow
    }

    /// Nodes reachable from the source in the residual graph: the source side of a minimum cut.
    func sourceSide(_ source: Int) -> Set<Int> {
        var seen: Set<Int> = [source]
        var stack = [source]
        while let node = stack.popLast() {
            for arc in arcs[node] where arc.capacity > 0 && seen.insert(arc.to).inserted { stack.append(arc.to) }
        }
        return seen
    }

    private mutating func buildLevels(source: Int, sink: Int) -> Bool {
        level = Array(repeating: -1, count: arcs.count)
        level[source] = 0
        var queue = [source]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for arc in arcs[node] where arc.capacity > 0 && level[arc.to] < 0 {
                level[arc.to] = level[node] + 1
                queue.append(arc.to)
            }
        }
        return level[sink] >= 0
    }

    /// One augmenting path in the level graph (iterative, so deep chains cannot overflow the stack).
    private mutating func push(_ source: Int, _ sink: Int, _ limit: Int) -> Int {
        var path: [(node: Int, arc: Int)] = []
        var node = source
        while true {
            if node == sink {
                let amount = path.reduce(limit) { min($0, arcs[$1.node][$1.arc].capacity) }
                for step in path {
                    arcs[step.node][step.arc].capacity -= amount
                    let arc = arcs[step.node][step.arc]
                    arcs[arc.to][arc.reverse].capacity += amount
                }
                return amount
            }
            var advanced = false
            while next[node] < arcs[node].count {
                let arc = arcs[node][next[node]]
                if arc.capacity > 0 && level[arc.to] == level[node] + 1 {
                    path.append((node, next[node]))
                    node = arc.to
                    advanced = true
                    break
                }
                next[node] += 1
            }
            if !advanced {
                guard let last = path.popLast() else { return 0 }
                level[node] = -1
                node = last.node
                next[node] += 1
            }
        }
    }
}
