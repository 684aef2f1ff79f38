import Foundation
import Testing
import TrustPathEvidence
import TrustPathModel

/// Bad files and records become diagnostics naming the file and the record; the rest is read.
@Suite("CloudTrail bad input")
struct CloudTrailBadInputTests {
    typealias F = CloudTrailFixtures
    static let target = F.role(F.member, "VendorAccess")
    static let good = F.assume(identity: F.accountIdentity(F.outside), role: target, time: "2026-11-02T10:00:00Z")

    static func read(_ bytes: [UInt8], named name: String = "f.json.gz") -> (CloudTrailIndex, [Diagnostic]) {
        var index = CloudTrailIndex()
        var diagnostics: [Diagnostic] = []
        CloudTrailLoader(diagnosticsPerFile: 3).read(bytes: bytes, named: name, into: &index, diagnostics: &diagnostics)
        return (index, diagnostics)
    }

    @Test func aTruncatedGzipFileIsAnErrorAndTheOtherFilesAreRead() throws {
        let whole = F.gzip(F.logFile([Self.good, Self.good]))
        let cut = Array(whole[0..<(whole.count * 2 / 3)])
        let (alone, aloneDiagnostics) = Self.read(cut)
        #expect(alone.count == 0)
        #expect(aloneDiagnostics.map(\.code) == ["cloudtrail-gzip"])
        #expect(aloneDiagnostics.first?.message.contains("truncated") == true)
        #expect(aloneDiagnostics.first?.severity == .error)

        let root = try F.directory([
            (F.logPath(account: F.member, day: 1, serial: 1), cut),
            (F.logPath(account: F.member, day: 2, serial: 1), whole),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (index, diagnostics) = try CloudTrailLoader.load(root.path)
        #expect(index.observed(caller: F.outside, role: Self.target)?.count == 2)
        #expect(diagnostics.map(\.location?.file) == [F.logPath(account: F.member, day: 1, serial: 1)])
        #expect(index.statistics.skippedFiles == 1)
    }

    @Test func filesPastTheSizeLimitAreRefusedOnDiskAndWhenInflating() throws {
        let big = F.logFile(Array(repeating: Self.good, count: 40))
        let root = try F.directory([("big.json", big), ("small.json.gz", F.gzip(big))])
        defer { try? FileManager.default.removeItem(at: root) }
        let (index, diagnostics) = try CloudTrailLoader(maximumFileSize: big.count - 1).load(root.path)
        #expect(index.count == 0)
        #expect(diagnostics.map(\.code) == ["cloudtrail-file-too-large", "cloudtrail-gzip"])
        #expect(diagnostics.last?.message.contains("inflates to more than") == true)
    }

    @Test func damagedCompressedBytesAreAnError() {
        var damaged = F.gzip(F.logFile([Self.good]))
        for position in 12..<min(40, damaged.count) { damaged[position] ^= 0x5a }
        let (_, diagnostics) = Self.read(damaged)
        #expect(diagnostics.map(\.code) == ["cloudtrail-gzip"])
    }

    @Test func recordsWithoutTheirFieldsAreNamedByIndexAndTheRestIsRead() {
        let records = [
            Self.good,
            #"{"eventSource": "sts.amazonaws.com", "eventName": "AssumeRole", "eventTime": "2026-11-02T10:00:00Z", "userIdentity": {"type": "AWSAccount", "accountId": "\#(F.outside)"}}"#,
            #"{"eventVersion": "1.08"}"#,
            #"{"eventSource": "sts.amazonaws.com", "eventName": "AssumeRole", "eventTime": "yesterday", "requestParameters": {"roleArn": "\#(Self.target)"}, "userIdentity": {"type": "AWSAccount", "accountId": "\#(F.outside)"}}"#,
            #""a string""#,
            F.assume(identity: #"{"type": "AssumedRole", "accountId": "\#(F.member)"}"#, role: Self.target, time: "2026-11-02T10:00:00Z"),
        ]
        let (index, diagnostics) = Self.read(F.logFile(records), named: "a.json")
        #expect(index.observed(caller: F.outside, role: Self.target)?.count == 1)
        #expect(index.statistics.badRecords == 5)
        // Three reported by index, then one summary of the rest.
        #expect(diagnostics.map(\.location?.jsonPath) == ["$.Records[1]", "$.Records[2]", "$.Records[3]", "$.Records"])
        #expect(diagnostics.allSatisfy { $0.location?.file == "a.json" && $0.code == "cloudtrail-bad-record" })
        #expect(diagnostics[0].message.contains("requestParameters.roleArn"))
        #expect(diagnostics[1].message.contains("eventSource"))
        #expect(diagnostics[2].message.contains("eventTime"))
        #expect(diagnostics[3].message.contains("2 more"))
    }

    @Test func diagnosticsStayInRecordOrderAcrossFiles() throws {
        let bad = #"{"eventVersion": "1.08"}"#
        let root = try F.directory([
            ("b.json", F.logFile(Array(repeating: bad, count: 12))),
            ("a.json", F.logFile([Self.good, bad])),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, diagnostics) = try CloudTrailLoader.load(root.path)
        let expected = ["a.json $.Records[1]"] + (0..<10).map { "b.json $.Records[\($0)]" } + ["b.json $.Records"]
        #expect(diagnostics.map { "\($0.location?.file ?? "") \($0.location?.jsonPath ?? "")" } == expected)
    }

    @Test func aFileOfAnotherKindIsSkippedWithAWarning() {
        let export = Array(#"{"RoleDetailList": [], "UserDetailList": [], "GroupDetailList": [], "Policies": []}"#.utf8)
        let (index, diagnostics) = Self.read(F.gzip(export), named: "gaad.json.gz")
        #expect(index.count == 0)
        #expect(diagnostics.map(\.code) == ["cloudtrail-not-a-log"])
        #expect(diagnostics.first?.location == SourceLocation(file: "gaad.json.gz"))
    }

    @Test func aDigestFileIsANoteNotAWarning() {
        let digest = Array(#"{"awsAccountId": "111122223333", "digestStartTime": "2026-11-01T00:00:00Z", "digestEndTime": "2026-11-01T01:00:00Z", "logFiles": []}"#.utf8)
        let (_, diagnostics) = Self.read(F.gzip(digest), named: "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/01/d.json.gz")
        #expect(diagnostics.map(\.severity) == [.note])
    }

    @Test func textThatIsNotJSONIsAnErrorWithWhere() {
        let (_, diagnostics) = Self.read(Array(#"{"Records": [ {"eventName": "AssumeRole", }"#.utf8), named: "b.json")
        #expect(diagnostics.map(\.code) == ["cloudtrail-json"])
        #expect(diagnostics.first?.message.contains("not valid JSON") == true)
    }

    @Test func concatenatedGzipMembersAreAllRead() {
        let first = F.gzip(F.logFile([Self.good]))
        let (index, diagnostics) = Self.read(first + first)
        #expect(diagnostics.map(\.code) == ["cloudtrail-json"])  // two documents in a row are not one JSON value
        #expect(index.count == 0)
        let split = Array(#"{"Records": ["#.utf8)
        let rest = Array("\(Self.good)]}".utf8)
        let (joined, joinedDiagnostics) = Self.read(F.gzip(split) + F.gzip(rest))
        #expect(joinedDiagnostics.isEmpty)
        #expect(joined.observed(caller: F.outside, role: Self.target)?.count == 1)
    }
}
