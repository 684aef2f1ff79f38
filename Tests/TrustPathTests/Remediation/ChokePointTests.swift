import Foundation
import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathIngest
import TrustPathModel
@testable import TrustPathRemediation

/// Choke points: minimal (checked against brute force) and effective (the fixed snapshot has no critical finding).
@Suite("Choke points")
struct ChokePointTests {
    /// Applies fixes to an in-memory snapshot and analyzes the result.
    static func reanalyze(_ files: [(path: String, bytes: [UInt8])], fixes: [Fix], index: SnapshotIndex) throws -> AnalysisResult {
        let byPath = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let output = try FixApplier.apply(fixes, index: index) { byPath[$0] ?? [] }
        let patched = files.map { file in (file.path, output.patchedFiles[file.path].map { Array($0.utf8) } ?? file.bytes) }
        return Analyzer.analyze(SnapshotLoader().load(documents: patched))
    }

    /// The smallest number of statements whose closing cuts every entry from every target, by trying all subsets.
    static func bruteForceMinimum(_ edges: AttackEdges, targets: Set<String>) -> Int? {
        let statements = Array(Set(edges.edges.flatMap(\.statements))).sorted()
        guard statements.count <= 14 else { return nil }
        func cuts(_ chosen: Set<StatementReference>) -> Bool {
            let pairs = edges.reachablePairs { edge in edge.statements.allSatisfy(chosen.contains) }
            return !pairs.contains { pair in targets.contains { pair.hasSuffix("->" + $0) } }
        }
        for size in 0...statements.count {
            var found = false
            forEachSubset(of: statements, size: size) { subset in
                if !found, cuts(Set(subset)) { found = true }
            }
            if found { return size }
        }
        return nil
    }

    static func forEachSubset<T>(of items: [T], size: Int, start: Int = 0, prefix: [T] = [], _ body: ([T]) -> Void) {
        if prefix.count == size { body(prefix); return }
        guard start < items.count else { return }
        for index in start..<items.count {
            forEachSubset(of: items, size: size, start: index + 1, prefix: prefix + [items[index]], body)
        }
    }

    @Test(arguments: Array(UInt64(1)...UInt64(30)))
    func chokePointsAreMinimalAndCloseTheLoop(seed: UInt64) throws {
        let world = RandomWorld.make(seed: seed, roles: 7)
        let result = world.analyze()
        let plan = RemediationPlan.make(result, chokeSeverity: .critical)
        let targets = Set(result.findings.filter { $0.severity == .critical }.map(\.target))
        if let minimum = Self.bruteForceMinimum(AttackEdges(result), targets: targets), plan.uncuttableTargets.isEmpty {
            #expect(plan.chokePoints.count == minimum)
        }
        let fixed = try Self.reanalyze(world.files(), fixes: plan.chokePoints, index: result.index)
        let remaining = fixed.findings.filter { $0.severity == .critical && !plan.uncuttableTargets.contains($0.target) }
        #expect(remaining.isEmpty, "critical findings left: \(remaining.map(\.id))")
    }

    @Test func chokePointsForAChosenSeverity() throws {
        let world = RandomWorld.make(seed: 5, roles: 8)
        let result = world.analyze()
        let plan = RemediationPlan.make(result, chokeSeverity: .high)
        let fixed = try Self.reanalyze(world.files(), fixes: plan.chokePoints, index: result.index)
        #expect(!fixed.findings.contains { $0.severity <= .high })
    }

    @Test func serviceLinkedRolesAreNeverFixed() {
        var world = TestWorld()
        world.roles = [RoleSpec(name: "AWSServiceRoleForX", account: "111111111111", trust: trust("{\"AWS\": \"900000000001\"}"),
                                inline: [adminPolicy], path: "/aws-service-role/x.amazonaws.com/")]
        let result = world.analyze()
        let plan = RemediationPlan.make(result)
        #expect(PairFixes.make(result).isEmpty && plan.doorFixes.isEmpty)
        #expect(plan.chokePoints.isEmpty)
        #expect(plan.uncuttableTargets == [world.roles[0].arn])
    }

    @Test func maxFlowOnAKnownGraph() {
        // Two disjoint unit paths and one shared bottleneck: the flow is 2.
        var flow = MaxFlow(nodes: 6)
        flow.addEdge(0, 2, capacity: MaxFlow.infinite)
        flow.addEdge(0, 3, capacity: MaxFlow.infinite)
        flow.addEdge(2, 4, capacity: 1)
        flow.addEdge(3, 4, capacity: 1)
        flow.addEdge(3, 5, capacity: 1)
        flow.addEdge(4, 1, capacity: 1)
        flow.addEdge(5, 1, capacity: MaxFlow.infinite)
        #expect(flow.run(source: 0, sink: 1) == 2)
        #expect(flow.sourceSide(0) == [0, 2, 3, 4], "the cut is 4→1 and 3→5")
    }
}
