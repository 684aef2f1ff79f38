import Testing
import Foundation
import TrustPathJSON
import TrustPathModel
import TrustPathSynthetic
@testable import TrustPathEvidence

/// The fast scan reads what a whole parse reads, and gives up (so the whole parse names the problem) on anything else.
@Suite("CloudTrail record scanner")
struct RecordScannerTests {
    typealias F = CloudTrailFixtures
    static let target = F.role(F.member, "VendorAccess")

    /// The index a whole parse of every record gives: the reference the scan must match.
    static func reference(_ text: [UInt8]) throws -> CloudTrailIndex {
        var index = CloudTrailIndex()
        guard case .array(let records)? = try JSONParser.parse(text)["Records"] else { return index }
        for record in records {
            if case .assumption(let caller, let role, let time) = CloudTrailRecord.read(record) {
                index.record(caller, role: role, at: time)
            }
        }
        return index
    }

    static func scanned(_ bytes: [UInt8]) -> (CloudTrailIndex, [String]) {
        var index = CloudTrailIndex()
        var diagnostics: [Diagnostic] = []
        CloudTrailLoader().read(bytes: bytes, named: "f.json", into: &index, diagnostics: &diagnostics)
        return (index, diagnostics.map(\.code))
    }

    @Test func aGeneratedFileReadsAsAWholeParseReadsIt() throws {
        let month = CloudTrailMonth(organization: OrganizationShape(accounts: 3), days: 1, filesPerDay: 1, recordsPerFile: 400)
        let file = month.file(account: 2, day: 1, serial: 0)
        let text = try Gunzip.inflate(file.bytes)
        #expect(RecordScanner.records(in: text)?.count == 400)
        let (index, diagnostics) = Self.scanned(file.bytes)
        #expect(diagnostics.isEmpty)
        #expect(index.count > 20)
        #expect(index.assumptions == (try Self.reference(text)).assumptions)
        #expect(index.statistics.records == 400)
    }

    @Test func escapedValuesAreParsedRatherThanMisjudged() {
        let escaped = F.assume(identity: F.accountIdentity(F.outside), role: Self.target, time: "2026-11-02T10:00:00Z")
            .replacingOccurrences(of: #""eventSource": "sts.amazonaws.com""#, with: #""eventSource": "\u0073ts.amazonaws.com""#)
        #expect(escaped.contains("u0073"))
        let (index, _) = Self.scanned(F.logFile([escaped]))
        #expect(index.observed(caller: F.outside, role: Self.target)?.count == 1)
    }

    @Test(arguments: [
        #"{"Rec\u006frds": []}"#,
        #"{"Records": [], "Records": []}"#,
        #"{"Records": []} trailing"#,
        #"{"Records": [{"eventName": "AssumeRole}]}"#,
        #"{"Records": {}}"#,
        #"{"Other": 1}"#,
        #"{"Records": [tru]}"#,
        "{\"Records\": [" + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "]}",
    ])
    func theScanGivesUpOnAnythingUnusual(text: String) {
        #expect(RecordScanner.records(in: Array(text.utf8)) == nil)
    }

    @Test func afterGivingUpTheWholeParseNamesTheProblem() {
        let (_, trailing) = Self.scanned(Array(#"{"Records": []} trailing"#.utf8))
        #expect(trailing == ["cloudtrail-json"])
        let (escapedKey, escapedDiagnostics) = Self.scanned(Array(#"{"Rec\u006frds": [\#(F.assume(identity: F.accountIdentity(F.outside), role: Self.target, time: "2026-11-02T10:00:00Z"))]}"#.utf8))
        #expect(escapedDiagnostics.isEmpty)
        #expect(escapedKey.count == 1)
    }
}
