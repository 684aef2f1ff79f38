import TrustPathEngine
import TrustPathModel

/// What lies behind a role: every role reachable from a session of it, each with a shortest path. Walked on
/// demand over the flat `RoleGraph` and not kept: a large organization has thousands of doors with thousands of
/// roles behind each, and a walk costs less than keeping them all.
public struct RoleReach: Sendable {
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

    /// The graph walked, for later stages that lay its sets into graphs of their own.
    public let roles: RoleGraph
    let names: [String]
    let numbers: [String: Int]

    init(roles: RoleGraph, index: SnapshotIndex) {
        self.roles = roles
        names = index.targetGroups.roleARNs
        numbers = index.targetGroups.roleNumbers
    }

    /// Marks for walks by one worker, to pass to `reach(from:chainsOnward:marks:)` walk after walk.
    final class Marks {
        let marks: WalkMarks
        let expander: SetExpander
        init(_ roles: RoleGraph) {
            marks = WalkMarks(roles: roles.roleCount, sets: roles.setCount)
            expander = SetExpander(roles: roles, fullPasses: 1)
        }
    }

    /// Fresh marks for one worker.
    func makeMarks() -> Marks { Marks(roles) }

    /// What an entry that obtains `role` gets: the role alone when nothing chains from it (a service entry's),
    /// else the role and everything behind it (empty for a role not in the snapshot). The walk ends early once
    /// `isEnough` answers true for the role just placed: what was placed until then is what a whole walk places first.
    func reach(from role: String, chainsOnward: Bool, marks: Marks, isEnough: (Int) -> Bool = { _ in false }) -> Reach {
        guard let start = numbers[role] else { return Reach(numbers: [], parent: [], state: [], names: names) }
        var reach = Reach(numbers: [start], parent: [-1], state: [.open], names: names)
        guard chainsOnward, !isEnough(start) else { return reach }
        let expander = marks.expander
        let marks = marks.marks
        marks.begin()
        expander.begin()
        _ = marks.markRole(start)
        var found: [(number: Int, open: Bool)] = []
        var next = 0
        while next < reach.numbers.count {
            let from = next
            next += 1
            found.removeAll(keepingCapacity: true)
            for edge in roles.edges(of: reach.numbers[from]) {
                // A shared set of targets is expanded once: every role in it is placed the first time.
                guard marks.markSet(Int(roles.edgeSet[edge])) else { continue }
                let open = roles.edgeOpen[edge]
                expander.expand(Int(roles.edgeSet[edge]), depth: 0, settled: marks.isMarked(role:)) { number in
                    if marks.markRole(number) { found.append((number, open)) }
                }
            }
            // In ARN order (numbers are ARN order), as one hop per role would have found them.
            found.sort { $0.number < $1.number }
            let fromState = reach.state[from]
            for (number, open) in found {
                reach.numbers.append(number)
                reach.parent.append(from)
                reach.state.append(open ? fromState : .conditional)
                if isEnough(number) { return reach }
            }
        }
        return reach
    }

    /// How many roles lie behind `role` (itself included), by rank: `counts[r]` is how many of the roles
    /// `reach(from:chainsOnward:marks:)` would place have `ranks[number] == r` (ranks from `rankCount` up are not
    /// counted). The same roles, met in no particular order and without paths: the roles walked that no shared
    /// component met reaches, one by one, and the union of the components' bit sets, by rank.
    func counts(from role: String, chainsOnward: Bool, ranks: [UInt8], rankCount: Int, shared: SharedReach, marks: Marks) -> [Int] {
        var counts = [Int](repeating: 0, count: rankCount)
        guard let start = numbers[role] else { return counts }
        guard chainsOnward else {
            if Int(ranks[start]) < rankCount { counts[Int(ranks[start])] += 1 }
            return counts
        }
        var walked: [Int32] = []
        var union: [UInt64] = []
        SharedReach.walk(from: start, roles: roles, marks: marks.marks, expander: marks.expander, componentOf: shared.componentOf,
                         reach: shared.reach) { walked.append(Int32($0)) } merge: { known in
            if union.isEmpty {
                union = known
            } else {
                for word in union.indices { union[word] |= known[word] }
            }
        }
        if !union.isEmpty {
            for rank in 0..<rankCount {
                let mask = shared.roleOfRank[rank]
                for word in union.indices { counts[rank] += (union[word] & mask[word]).nonzeroBitCount }
            }
        }
        for number in walked {
            let index = Int(number)
            if !union.isEmpty, union[index >> 6] & (1 << UInt64(index & 63)) != 0 { continue }
            let rank = Int(ranks[index])
            if rank < rankCount { counts[rank] += 1 }
        }
        return counts
    }
}
