import Synchronization
import TrustPathEngine
import TrustPathModel

/// What lies behind a role: every role reachable from a session of it, each with a shortest path. Computed once
/// per role and shared by every door into that role (a role often has several entry statements).
public final class RoleReach: Sendable {
    /// The roles reachable from one role, the role itself first, in breadth-first order.
    public struct Reach: Sendable {
        /// Role ARNs in breadth-first order; `parent[i]` is the position of the role a shortest path comes from
        /// (-1 for the start), `state[i]` the worst hop state along that path.
        public var roles: [String]
        var parent: [Int]
        var state: [HopState]

        /// The path from the start to the role at `position`, start first.
        func path(to position: Int) -> [String] {
            var result: [String] = []
            var current = position
            while current >= 0 {
                result.append(roles[current])
                current = parent[current]
            }
            return result.reversed()
        }
    }

    private let graph: AttackGraph
    private let cache = Mutex<[String: Reach]>([:])

    public init(graph: AttackGraph) { self.graph = graph }

    /// What an entry that obtains `role` gets: the role alone when nothing chains from it (a service entry's),
    /// else the role and everything behind it.
    public func reach(from role: String, chainsOnward: Bool) -> Reach {
        chainsOnward ? reach(from: role) : Reach(roles: [role], parent: [-1], state: [.open])
    }

    /// What lies behind `role`: it and every role reachable from a session of it.
    public func reach(from role: String) -> Reach {
        if let known = cache.withLock({ $0[role] }) { return known }
        var reach = Reach(roles: [role], parent: [-1], state: [.open])
        var position: [String: Int] = [role: 0]
        // A shared set of targets is expanded once: every role in it is placed the first time.
        var expanded: Set<Int> = []
        var next = 0
        while next < reach.roles.count {
            let from = next
            next += 1
            var found: [(target: String, state: HopState)] = []
            for bundle in graph.bundles(from: .roleSession(reach.roles[from])) {
                if let set = bundle.targetSet, !expanded.insert(set).inserted { continue }
                for target in bundle.targets where position[target] == nil {
                    position[target] = -1
                    found.append((target, bundle.state))
                }
            }
            // In ARN order, as one hop per role would have found them.
            for (target, state) in found.sorted(by: { $0.target < $1.target }) {
                position[target] = reach.roles.count
                reach.roles.append(target)
                reach.parent.append(from)
                reach.state.append(max(reach.state[from], state))
            }
        }
        cache.withLock { $0[role] = reach }
        return reach
    }
}
