import Testing
import TrustPathAnalysis
import TrustPathEngine
@testable import TrustPathRemediation

/// What the plan says each door's fix removes is exactly the pairs that a new analysis of the fixed snapshot no longer
/// reports.
@Suite("Remediation: door fix impact")
struct DoorFixImpactTests {
    @Test(arguments: 0..<30)
    func rankedDoorFixesEqualAnalyzingTheFixedSnapshot(seed: UInt64) throws {
        let world = RandomWorld.make(seed: 1_000 + seed, roles: 9)
        let result = world.analyze()
        let plan = RemediationPlan.make(result)
        let pairs = Set(result.findings.map(\.id))
        for door in result.doors {
            guard let fix = plan.doorFixes[door.key] else { continue }
            let ranked = plan.rankedFixes.first { $0.fix == fix }.map { Set($0.removedFindings) }
            #expect(ranked != nil, "every door fix is ranked")
            let after = Set(try ChokePointTests.reanalyze(world.files(), fixes: [fix], index: result.index).findings.map(\.id))
            let gone = pairs.subtracting(after)
            #expect(ranked == gone, "door \(door.key): \((ranked ?? []).symmetricDifference(gone).sorted())")
        }
    }

    /// The pairs each fix removes, from each entry's dominator tree (choke points, and door fixes that close role
    /// sessions' hops too), are what a new analysis of the fixed snapshot says, outside accounts passing a public trust
    /// included: on small random organizations and on organizations of alike roles sharing hop bundles.
    @Test(arguments: 0..<30)
    func dominatorsEqualAnalyzingTheFixedSnapshot(seed: UInt64) throws {
        try expectImpactMatchesReanalysis(RandomWorld.make(seed: 2_000 + seed, roles: 9))
    }

    @Test(arguments: Array(UInt64(1)...10))
    func dominatorsEqualAnalyzingTheFixedSnapshotOfAlikeRoles(seed: UInt64) throws {
        try expectImpactMatchesReanalysis(HopBundlePropertyTests.world(seed: seed))
    }

    private func expectImpactMatchesReanalysis(_ world: TestWorld) throws {
        let result = world.analyze()
        let plan = RemediationPlan.make(result)
        let pairs = Set(result.findings.map(\.id))
        let fixes = Array(Set(plan.doorFixes.values).union(plan.chokePoints)).sorted()
        let impact = FixImpact.removedPairs(AttackEdges(result), fixes: fixes)
        for (fix, removed) in zip(fixes, impact) {
            let fromDominators = Set(removed).intersection(pairs)
            let after = Set(try ChokePointTests.reanalyze(world.files(), fixes: [fix], index: result.index).findings.map(\.id))
            let gone = pairs.subtracting(after)
            #expect(fromDominators == gone, "fix \(fix.id): \(fromDominators.symmetricDifference(gone).sorted())")
        }
    }
}
