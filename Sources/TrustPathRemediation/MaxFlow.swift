/// Dinic's maximum flow on integer capacities, with the source side of a minimum cut.
/// Arcs are laid out flat, node after node, once the first flow runs: the choke-point graph of a large organization
/// has millions of arcs, and an array per node made every step of the search two bounds checks and a uniqueness check.
struct MaxFlow {
    static let infinite = Int.max / 4

    private let nodeCount: Int
    /// Edges as added, until the flat layout is made.
    private var added: [(from: Int, to: Int, capacity: Int)] = []
    /// Node `n`'s arcs are `first[n]..<first[n + 1]`, in the order they were added (each edge's reverse arc at its head).
    private var first: [Int] = []
    private var head: [Int] = []
    private var capacity: [Int] = []
    private var reverse: [Int] = []
    private var level: [Int] = []
    private var next: [Int] = []

    init(nodes: Int) { nodeCount = nodes }

    mutating func addEdge(_ from: Int, _ to: Int, capacity: Int) {
        precondition(first.isEmpty, "edges are added before the flow runs")
        added.append((from, to, capacity))
    }

    /// Pushes the maximum flow; returns its value (capped at `infinite` when no finite cut exists).
    mutating func run(source: Int, sink: Int) -> Int {
        layOut()
        var flow = 0
        while buildLevels(source: source, sink: sink) {
            next = Array(first.dropLast())
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
            for arc in arcs(of: node) where capacity[arc] > 0 && seen.insert(head[arc]).inserted { stack.append(head[arc]) }
        }
        return seen
    }

    private func arcs(of node: Int) -> Range<Int> { first.isEmpty ? 0..<0 : first[node]..<first[node + 1] }

    /// The flat layout: per node, its arcs in the order `addEdge` made them.
    private mutating func layOut() {
        guard first.isEmpty else { return }
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        for edge in added {
            degree[edge.from] += 1
            degree[edge.to] += 1
        }
        first = [Int](repeating: 0, count: nodeCount + 1)
        for node in 0..<nodeCount { first[node + 1] = first[node] + degree[node] }
        var slot = first
        let arcCount = first[nodeCount]
        head = [Int](repeating: 0, count: arcCount)
        capacity = [Int](repeating: 0, count: arcCount)
        reverse = [Int](repeating: 0, count: arcCount)
        for edge in added {
            let forward = slot[edge.from]
            slot[edge.from] += 1
            let backward = slot[edge.to]
            slot[edge.to] += 1
            head[forward] = edge.to
            capacity[forward] = edge.capacity
            reverse[forward] = backward
            head[backward] = edge.from
            reverse[backward] = forward
        }
        added = []
    }

    private mutating func buildLevels(source: Int, sink: Int) -> Bool {
        level = Array(repeating: -1, count: nodeCount)
        level[source] = 0
        var queue = [source]
        queue.reserveCapacity(nodeCount)
        var position = 0
        while position < queue.count {
            let node = queue[position]
            position += 1
            for arc in arcs(of: node) where capacity[arc] > 0 && level[head[arc]] < 0 {
                level[head[arc]] = level[node] + 1
                queue.append(head[arc])
            }
        }
        return level[sink] >= 0
    }

    /// One augmenting path in the level graph (iterative, so deep chains cannot overflow the stack).
    private mutating func push(_ source: Int, _ sink: Int, _ limit: Int) -> Int {
        var path: [Int] = []
        var node = source
        while true {
            if node == sink {
                let amount = path.reduce(limit) { min($0, capacity[$1]) }
                for arc in path {
                    capacity[arc] -= amount
                    capacity[reverse[arc]] += amount
                }
                return amount
            }
            var advanced = false
            let end = first[node + 1]
            while next[node] < end {
                let arc = next[node]
                if capacity[arc] > 0 && level[head[arc]] == level[node] + 1 {
                    path.append(arc)
                    node = head[arc]
                    advanced = true
                    break
                }
                next[node] += 1
            }
            if !advanced {
                guard let last = path.popLast() else { return 0 }
                level[node] = -1
                node = head[reverse[last]]
                next[node] += 1
            }
        }
    }
}
