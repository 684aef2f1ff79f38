import Foundation
import Testing
import TrustPathAnalysis
import TrustPathIngest
import TrustPathRemediation
import TrustPathReport

/// The report's JSON, encoded in slices on every core, is byte for byte what one encoding of the whole gives.
@Suite("Scale: sliced JSON report")
struct SlicedJSONTests {
    @Test func slicedEncodingEqualsOneEncoding() throws {
        let result = Analyzer.analyze(SnapshotLoader().load(documents: ScaleFixtures.documents))
        let report = ReportBuilder.build(result, plan: RemediationPlan.make(result))
        #expect(report.findings.count > 4, "more findings than one slice holds")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let whole = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        for size in [1, 4, 256] { #expect(try JSONOutput.encode(report, sliceSize: size) == whole) }
        var empty = report
        empty.findings = []
        empty.fixes = []
        #expect(try JSONOutput.encode(empty) == String(decoding: try encoder.encode(empty), as: UTF8.self) + "\n")
    }
}
