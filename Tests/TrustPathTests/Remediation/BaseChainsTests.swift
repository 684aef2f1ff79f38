import Testing
@testable import TrustPathRemediation

/// A set laid as two arcs into chains over its base reaches exactly the base's members outside its run, whatever
/// other sets share the chains.
@Suite("Remediation: base chains")
struct BaseChainsTests {
    @Test(arguments: 1...9)
    func everySetReachesExactlyItsMembers(count: Int) {
        let members = ArraySlice((0..<count).map { Int32(100 + $0) })
        var successors: [[Int]] = []
        var memberNodes: [Int: Int] = [:]
        func newNode() -> Int {
            successors.append([])
            return successors.count - 1
        }
        var chains = BaseChains<String>()
        var sets: [(node: Int, run: Range<Int>)] = []
        for lower in 0...count {
            for upper in lower...count {
                let node = newNode()
                chains.lay(from: node, key: "base", members: members, lower: lower, upper: upper, newNode: newNode,
                           arc: { successors[$0].append($1) },
                           connect: { from, member in
                               let to = memberNodes[member] ?? newNode()
                               memberNodes[member] = to
                               successors[from].append(to)
                           })
                sets.append((node, lower..<upper))
            }
        }
        let memberOfNode = Dictionary(uniqueKeysWithValues: memberNodes.map { ($1, $0) })
        for (node, run) in sets {
            var seen: Set<Int> = [node]
            var stack = [node]
            while let next = stack.popLast() {
                for successor in successors[next] where seen.insert(successor).inserted { stack.append(successor) }
            }
            let reached = Set(seen.compactMap { memberOfNode[$0] })
            let expected = Set(members.indices.filter { !run.contains($0) }.map { Int(members[$0]) })
            #expect(reached == expected, "run \(run) of \(count)")
        }
        // Chains are laid once per key: two nodes per member at most, besides the sets and the members.
        #expect(successors.count <= sets.count + 3 * count)
    }
}
