/// Dominators of a directed graph from its node 0: node `a` dominates `b` when every path from 0 to `b` passes `a`.
enum Dominators {
    /// Immediate dominators from node 0 (Cooper, Harvey and Kennedy's iteration over reverse postorder); -1 for nodes
    /// not reached.
    static func immediate(_ successors: [[Int]]) -> [Int] {
        let count = successors.count
        // Reverse postorder by an iterative depth-first walk.
        var order: [Int] = []
        var visited = Array(repeating: false, count: count)
        var stack: [(node: Int, next: Int)] = [(0, 0)]
        visited[0] = true
        while let top = stack.last {
            if top.next < successors[top.node].count {
                stack[stack.count - 1].next += 1
                let child = successors[top.node][top.next]
                if !visited[child] {
                    visited[child] = true
                    stack.append((child, 0))
                }
            } else {
                order.append(top.node)
                stack.removeLast()
            }
        }
        order.reverse()
        var rank = Array(repeating: -1, count: count)
        for (position, node) in order.enumerated() { rank[node] = position }
        var predecessors = Array(repeating: [Int](), count: count)
        for node in order { for child in successors[node] { predecessors[child].append(node) } }
        var dominator = Array(repeating: -1, count: count)
        dominator[0] = 0
        var changed = true
        while changed {
            changed = false
            for node in order.dropFirst() {
                var candidate = -1
                for predecessor in predecessors[node] where dominator[predecessor] >= 0 {
                    if candidate < 0 {
                        candidate = predecessor
                        continue
                    }
                    var left = predecessor
                    var right = candidate
                    while left != right {
                        while rank[left] > rank[right] { left = dominator[left] }
                        while rank[right] > rank[left] { right = dominator[right] }
                    }
                    candidate = left
                }
                if candidate >= 0, dominator[node] != candidate {
                    dominator[node] = candidate
                    changed = true
                }
            }
        }
        dominator[0] = -1
        return dominator
    }
}
