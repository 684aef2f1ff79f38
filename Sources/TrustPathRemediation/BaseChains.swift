/// Lays target sets that are a base's members but one run of them (`RoleGraph.run(ofTargetSet:)`) into a graph
/// being built: the callers of a thousand accounts each leave their own account's roles out of one group of roles
/// trusted organization-wide, and an arc per member would lay a thousand times the group. Instead each base gets
/// chains of nodes (built once per key): prefix node `j` reaches the first `j` members, suffix node `j` the members
/// from `j` on, and a set is two arcs, into the prefix before its run and the suffix after it. Reachability, and so
/// dominators and minimum cuts over other nodes, are those of an arc per member.
struct BaseChains<Key: Hashable> {
    private var prefixes: [Key: [Int]] = [:]
    private var suffixes: [Key: [Int]] = [:]

    /// Lays arcs from `from` that reach exactly the members of `members` outside positions `lower..<upper`.
    /// `connect(node, member)` lays the way from a chain node into one member (a role number).
    mutating func lay(from: Int, key: Key, members: ArraySlice<Int32>, lower: Int, upper: Int,
                      newNode: () -> Int, arc: (Int, Int) -> Void, connect: (Int, Int) -> Void) {
        let count = members.count
        if lower > 0 {
            let prefix = prefixes[key] ?? {
                // prefix[j] reaches members 0..<j; prefix[0] is unused.
                var nodes = [-1]
                for position in 0..<count {
                    let node = newNode()
                    if position > 0 { arc(node, nodes[position]) }
                    connect(node, Int(members[members.startIndex + position]))
                    nodes.append(node)
                }
                prefixes[key] = nodes
                return nodes
            }()
            arc(from, prefix[lower])
        }
        if upper < count {
            let suffix = suffixes[key] ?? {
                // suffix[j] reaches members j..<count.
                var nodes = Array(repeating: -1, count: count)
                for position in stride(from: count - 1, through: 0, by: -1) {
                    let node = newNode()
                    if position + 1 < count { arc(node, nodes[position + 1]) }
                    connect(node, Int(members[members.startIndex + position]))
                    nodes[position] = node
                }
                suffixes[key] = nodes
                return nodes
            }()
            arc(from, suffix[upper])
        }
    }
}
