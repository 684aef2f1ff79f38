import Foundation
import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathEvidence
import TrustPathIngest
import TrustPathRemediation
@testable import TrustPathReport
import TrustPathModel

/// The report's JSON, encoded in slices on every core, is byte for byte what one encoding of the whole gives.
@Suite("Scale: sliced JSON report")
struct SlicedJSONTests {
    @Test func slicedEncodingEqualsOneEncoding() throws {
        let result = Analyzer.analyze(SnapshotLoader().load(documents: ScaleFixtures.documents))
        let report = ReportBuilder.build(result, plan: RemediationPlan.make(result))
        #expect(report.fixes.count > 1, "more fixes than one slice of one holds")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[Report.omitPairs] = true
        let whole = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        for size in [1, 4, 256] {
            let sliced = try JSONOutput.encode(report, sliceSize: size)
            #expect(sliced == whole)
            if sliced != whole {
                let a = Array(sliced.utf8), b = Array(whole.utf8)
                let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                Issue.record("differs at \(at): \(String(decoding: a[max(0, at - 80)..<min(a.count, at + 80)], as: UTF8.self)) VS \(String(decoding: b[max(0, at - 80)..<min(b.count, at + 80)], as: UTF8.self))")
            }
        }
        var empty = report
        empty.findings = []
        empty.fixes = []
        #expect(try JSONOutput.encode(empty) == String(decoding: try encoder.encode(empty), as: UTF8.self) + "\n")
    }

    /// Every character class the writer treats apart, in every kind of field it writes by hand, reads as the
    /// generic encoder (with its control escaping) writes it.
    @Test func handWrittenListsEscapeAsTheEncoderDoes() throws {
        let result = Analyzer.analyze(SnapshotLoader().load(documents: ScaleFixtures.documents))
        let plan = RemediationPlan.make(result)
        let byPath = Dictionary(ScaleFixtures.documents.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let sources = SourcePositions.locate(plan, index: result.index) { byPath[$0] }
        var report = ReportBuilder.build(result, plan: plan, sources: sources)
        let controls = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        let hostile = "q\"b\\s/ \(controls) del\u{7F} c1\u{80}\u{9F} \u{A0}\u{C2} ls\u{2028}ps\u{2029} \u{2027}\u{202A} é中😀 \u{E2}"
        var finding = try #require(report.findings.first)
        finding.severityReason = hostile
        finding.note = hostile
        finding.alternatives = [[hostile, "b"], []]
        finding.crownJewel = CrownJewelMark(rule: hostile, raisedFrom: .low)
        finding.expiredAcceptance = ExpiredAcceptance(reason: hostile, expired: "2026-01-01")
        finding.hops[0].restsOn = [hostile]
        finding.hops[0].matchedPrincipal = hostile
        var fix = try #require(report.fixes.first)
        fix.fix.summary = hostile
        fix.fix.replacePrincipals = [PrincipalReplacement(from: hostile, to: "x")]
        fix.fix.edit = FileEdit(file: hostile, byteOffset: 1, byteLength: 2, replacement: hostile)
        fix.removes = ["critical": 2, "low": 1, "high": 0]
        report.findings[0] = finding
        report.fixes[0] = fix
        var door = try #require(report.doors.first)
        door.severityReason = hostile
        door.entries[0].note = hostile
        door.entries[0].restsOn = [hostile]
        door.sid = hostile
        door.fix = fix.fix
        // Every optional member of a door set, so the hand-written doors are compared member by member.
        door.entries[0].name = hostile
        door.entries[0].alsoPassing = [hostile]
        door.region = SourceRegion(startLine: 4, startColumn: 2)
        door.lastUsed = LastUsed(date: "2026-11-30", region: hostile)
        door.diagram = hostile
        door.expiredAcceptance = ExpiredAcceptance(reason: hostile, expired: "2026-01-01")
        door.session = SessionFacts(requiresSourceIdentity: true, allowsSetSourceIdentity: false, allowsTagSession: true,
                                    requiredSessionTags: [hostile], requiredTransitiveTagKeys: [], chained: true,
                                    roleMaxSessionDuration: 7200, maxSessionSeconds: 3600)
        door.mayDelete = true
        door.permissionSet = hostile
        door.observed = Observation(count: 3, firstSeen: "2026-11-01T00:00:00Z", lastSeen: hostile)
        door.observedEntry = hostile
        door.behind = ["critical": 2, hostile: 1, "low": 0]
        if !door.top.isEmpty {
            door.top[0].crownJewel = CrownJewelMark(rule: hostile, raisedFrom: .low)
            door.top[0].severityReason = hostile
            door.top[0].path = [hostile, "b"]
        }
        report.doors[0] = door
        // A second door with every optional left out.
        var bare = door
        bare.sid = nil
        bare.region = nil
        bare.fix = nil
        bare.lastUsed = nil
        bare.diagram = nil
        bare.expiredAcceptance = nil
        bare.session = SessionFacts(requiresSourceIdentity: false, allowsSetSourceIdentity: true, allowsTagSession: false,
                                    requiredSessionTags: [], requiredTransitiveTagKeys: [], chained: false,
                                    roleMaxSessionDuration: nil, maxSessionSeconds: 3600)
        bare.permissionSet = nil
        bare.observed = nil
        bare.observedEntry = nil
        bare.entries[0].name = nil
        bare.entries[0].note = nil
        bare.behind = [:]
        bare.top = []
        report.doors.append(bare)
        let whole = try JSONOutput.encodeWhole(report, omitPairs: true)
        #expect(whole.contains("\\u2028"), "the hostile text is in the expected output")
        for size in [1, 3, 256] { #expect(try JSONOutput.encode(report, sliceSize: size) == whole) }
        // SARIF's results, written by hand, with the hostile text in messages, fixes and locations.
        let sarif = try SARIFReporter.render(report, handWritten: false)
        #expect(sarif.contains("\\u2028"))
        #expect(try SARIFReporter.render(report) == sarif)
    }

    @Test func sarifResultsWrittenByHandEqualTheEncoders() throws {
        let report = try ScaleFixtures.report()
        #expect(report.doors.contains { $0.fix?.edit != nil } && report.doors.contains { $0.region != nil })
        #expect(try SARIFReporter.render(report) == SARIFReporter.render(report, handWritten: false))
        var empty = report
        empty.findings = []
        #expect(try SARIFReporter.render(empty) == SARIFReporter.render(empty, handWritten: false))
    }
}
