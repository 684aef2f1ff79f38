import Testing
import TrustPathAnalysis
import TrustPathEngine
@testable import TrustPathRemediation

/// Counting a door fix's removed pairs from the doors gives exactly the pairs that a new analysis of the fixed
/// snapshot no longer reports, for every door fix the plan counts that way (one that closes no role session's hop).
@Suite("Remediation: door fix impact")
struct DoorFixImpactTests {
    @Test(arguments: 0..<30)
    func countingFromDoorsEqualsAnalyzingTheFixedSnapshot(seed: UInt64) throws {
        let world = RandomWorld.make(seed: 1_000 + seed, roles: 9)
        let result = world.analyze()
        let plan = RemediationPlan.make(result)
        let edges = AttackEdges(result)
        let internalStatements = Set(edges.edges.filter { if case .roleSession = $0.actor { true } else { false } }
            .flatMap(\.statements))
        let counted = DoorFixImpact(result.doors, reach: result.reach)
        let pairs = Set(result.findings.map(\.id))
        for door in result.doors {
            guard let fix = plan.doorFixes[door.key],
                  !internalStatements.contains(door.statement) || !fix.closes(.roleSession) else { continue }
            let fromDoors = Set(counted.removedPairs(by: door)).intersection(pairs)
            let ranked = plan.rankedFixes.first { $0.fix == fix }.map { Set($0.removedFindings) }
            #expect(ranked == nil || ranked == fromDoors, "the plan ranks the door fix by what the doors count")
            let after = Set(try ChokePointTests.reanalyze(world.files(), fixes: [fix], index: result.index).findings.map(\.id))
            let gone = pairs.subtracting(after)
            #expect(fromDoors == gone, "door \(door.key): \(fromDoors.symmetricDifference(gone).sorted())")
        }
    }

    /// Walking every entry again with a fix applied (choke points, and door fixes that close role sessions' hops too)
    /// gives what a new analysis of the fixed snapshot says, outside accounts passing a public trust included.
    @Test(arguments: 0..<30)
    func walkingAgainEqualsAnalyzingTheFixedSnapshot(seed: UInt64) throws {
        let world = RandomWorld.make(seed: 2_000 + seed, roles: 9)
        let result = world.analyze()
        let plan = RemediationPlan.make(result)
        let walked = FixImpact(AttackEdges(result))
        let pairs = Set(result.findings.map(\.id))
        for fix in Set(plan.doorFixes.values).union(plan.chokePoints) {
            let fromWalk = Set(walked.removedPairs(by: fix)).intersection(pairs)
            let after = Set(try ChokePointTests.reanalyze(world.files(), fixes: [fix], index: result.index).findings.map(\.id))
            let gone = pairs.subtracting(after)
            #expect(fromWalk == gone, "fix \(fix.id): \(fromWalk.symmetricDifference(gone).sorted())")
        }
    }
}
