import Foundation
import Testing
import TrustPathPipeline
import TrustPathReport

/// `--cloudtrail` on the demo snapshot: the door a trail shows passed, the pairs whose every hop it shows, and the use
/// no door explains, in the report the pipeline makes.
@Suite("Evidence in reports")
struct EvidenceReportTests {
    static let legacy = CloudTrailFixtures.role("734592018466", "LegacyAuditReader")
    static let deploy = CloudTrailFixtures.role("520388146927", "OrgDeployAdmin")
    static let ciDeployer = CloudTrailFixtures.role("381491851702", "ci-deployer")

    static func report(_ records: [String]) throws -> Report {
        let trail = try CloudTrailFixtures.directory([
            (CloudTrailFixtures.logPath(account: "734592018466", day: 30, serial: 1),
             CloudTrailFixtures.gzip(CloudTrailFixtures.logFile(records))),
        ])
        defer { try? FileManager.default.removeItem(at: trail) }
        var input = try Pipeline.load(Paths.inputs.appendingPathComponent("acme-2026-11").path)
        input.snapshot.directory = "Inputs/acme-2026-11"
        return Pipeline.run(input, evidence: try Pipeline.loadTrail(trail.path)).report
    }

    @Test func aDoorPassedAndAChainWalkedAreSeen() throws {
        let report = try Self.report([
            CloudTrailFixtures.assume(identity: CloudTrailFixtures.accountIdentity("190466874316"), role: Self.legacy,
                                      time: "2026-11-28T10:00:00Z"),
            CloudTrailFixtures.assume(identity: CloudTrailFixtures.accountIdentity("190466874316"), role: Self.legacy,
                                      time: "2026-11-30T10:00:00Z"),
            CloudTrailFixtures.assume(identity: CloudTrailFixtures.sessionIdentity(Self.legacy), role: Self.deploy,
                                      time: "2026-11-30T10:05:00Z"),
        ])
        let door = try #require(report.doors.first { $0.role == Self.legacy })
        #expect(door.observed?.count == 2 && door.observedEntry == "190466874316")
        #expect(TextReporter.render(report).contains("used by 190466874316: 2 times, last 2026-11-30"))
        let pair = try #require(report.findings.first { $0.entry.id == "190466874316" && $0.target == Self.deploy })
        #expect(report.pairObservations[pair.id]?.count == 1, "both hops used: the smaller count")
        let direct = try #require(report.findings.first { $0.entry.id == "190466874316" && $0.target == Self.legacy })
        #expect(report.pairObservations[direct.id]?.count == 2)
        #expect(try PairsReporter.render(report).contains(#""observed":{"count":1"#))
        #expect(report.evidence?.unexplained.isEmpty == true)
    }

    @Test func aHopOfTheChainMissingLeavesThePairUnobserved() throws {
        let report = try Self.report([
            CloudTrailFixtures.assume(identity: CloudTrailFixtures.accountIdentity("190466874316"), role: Self.legacy,
                                      time: "2026-11-28T10:00:00Z"),
        ])
        let pair = try #require(report.findings.first { $0.entry.id == "190466874316" && $0.target == Self.deploy })
        #expect(report.pairObservations[pair.id] == nil)
    }

    @Test func useNoDoorAdmitsIsListed() throws {
        let report = try Self.report([
            CloudTrailFixtures.assume(identity: CloudTrailFixtures.accountIdentity("999988887777"), role: Self.ciDeployer,
                                      time: "2026-11-29T08:00:00Z"),
        ])
        #expect(report.evidence?.unexplained.map(\.caller.id) == ["999988887777"])
        #expect(TextReporter.render(report).contains("no door admits it (1)"))
    }
}
