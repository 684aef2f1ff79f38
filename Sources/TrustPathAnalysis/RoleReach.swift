import Synchronization
import TrustPathEngine
import TrustPathModel

/// What lies behind a role: every role reachable from a session of it, each with a shortest path. Computed once
/// per role and shared by every door into that role (a role often has several entry statements). Walks roles by
/// number (`TargetGroups.roleNumbers`), not by ARN: a large organization walks hundreds of millions of steps here.
public final class RoleReach: Sendable {
    /// The roles reachable from one role, the role itself first, in breadth-first order.
    public struct Reach: Sendable {
        /// Role numbers in breadth-first order; `parent[i]` is the position of the role a shortest path comes from
        /// (-1 for the start), `state[i]` the worst hop state along that path.
        public var numbers: [Int]
        var parent: [Int]
        var state: [HopState]
        /// Every role's ARN by number (shared, not copied).
        let names: [String]

        /// The ARNs, in breadth-first order.
        public var roles: [String] { numbers.map { names[$0] } }

        /// The ARN of the role at `position`.
        public func role(at position: Int) -> String { names[numbers[position]] }

        /// The path from the start to the role at `position`, start first.
        func path(to position: Int) -> [String] {
            var result: [String] = []
            var current = position
            while current >= 0 {
                result.append(role(at: current))
                current = parent[current]
            }
            return result.reversed()
        }
    }

    private let graph: AttackGraph
    private let cache = Mutex<[Int: Reach]>([:])

    public init(graph: AttackGraph) { self.graph = graph }

    /// What an entry that obtains `role` gets: the role alone when nothing chains from it (a service entry's),
    /// else the role and everything behind it.
    public func reach(from role: String, chainsOnward: Bool) -> Reach {
        if chainsOnward { return reach(from: role) }
        guard let number = graph.index.targetGroups.roleNumbers[role] else {
            return Reach(numbers: [], parent: [], state: [], names: graph.roleARNs)
        }
        return Reach(numbers: [number], parent: [-1], state: [.open], names: graph.roleARNs)
    }

    /// What lies behind `role`: it and every role reachable from a session of it (empty for a role not in the snapshot).
    public func reach(from role: String) -> Reach {
        let names = graph.roleARNs
        guard let start = graph.index.targetGroups.roleNumbers[role] else {
            return Reach(numbers: [], parent: [], state: [], names: names)
        }
        if let known = cache.withLock({ $0[start] }) { return known }
        var reach = Reach(numbers: [start], parent: [-1], state: [.open], names: names)
        var placed = [Bool](repeating: false, count: names.count)
        placed[start] = true
        // A shared set of targets is expanded once: every role in it is placed the first time.
        var expanded: Set<Int> = []
        var found: [(number: Int, state: HopState)] = []
        var next = 0
        while next < reach.numbers.count {
            let from = next
            next += 1
            found.removeAll(keepingCapacity: true)
            for bundle in graph.bundles(fromRole: reach.numbers[from]) {
                if let set = bundle.targetSet, !expanded.insert(set).inserted { continue }
                for number in bundle.targetNumbers where number >= 0 && !placed[number] {
                    placed[number] = true
                    found.append((number, bundle.state))
                }
            }
            // In ARN order (numbers are ARN order), as one hop per role would have found them.
            found.sort { $0.number < $1.number }
            for (number, state) in found {
                reach.numbers.append(number)
                reach.parent.append(from)
                reach.state.append(max(reach.state[from], state))
            }
        }
        cache.withLock { $0[start] = reach }
        return reach
    }
}
