import Testing
@testable import TrustPathRemediation

/// The immediate dominators fix impact reads: checked on small graphs whose answer is known by hand, and against
/// the definition (a dominates b when removing a leaves b unreachable) on generated graphs.
@Suite("Remediation: dominators")
struct DominatorsTests {
    @Test func aDiamondJoinsAtTheStartAndAChainAtEachStep() {
        // 0 → 1 → 3, 0 → 2 → 3, 3 → 4 → 5 → 3 (a loop), 6 unreached.
        let graph = [[1, 2], [3], [3], [4], [5], [3], [0]]
        #expect(Dominators.immediate(graph) == [-1, 0, 0, 0, 3, 4, -1])
    }

    @Test(arguments: Array(UInt64(1)...40))
    func eachImmediateDominatorIsTheNearestNodeEveryPathPasses(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let count = Int.random(in: 2...14, using: &random)
        let graph = (0..<count).map { _ in (0..<Int.random(in: 0...3, using: &random)).map { _ in Int.random(in: 0..<count, using: &random) } }
        func reached(without removed: Int?) -> Set<Int> {
            var seen: Set<Int> = [0]
            var stack = [0]
            while let node = stack.popLast() {
                for next in graph[node] where next != removed && seen.insert(next).inserted { stack.append(next) }
            }
            return seen
        }
        let reachable = reached(without: nil)
        let immediate = Dominators.immediate(graph)
        for node in 1..<count {
            guard reachable.contains(node) else {
                #expect(immediate[node] == -1)
                continue
            }
            let dominators = Set((0..<count).filter { $0 != node && ($0 == 0 || !reached(without: $0).contains(node)) })
            // The immediate dominator is the dominator that every other dominator dominates: the one closest to the node.
            let closest = dominators.first { candidate in
                dominators.allSatisfy { $0 == candidate || $0 == 0 || !reached(without: $0).contains(candidate) }
            }
            #expect(immediate[node] == closest, "seed \(seed), node \(node): \(immediate[node]) vs \(String(describing: closest))")
        }
    }
}
