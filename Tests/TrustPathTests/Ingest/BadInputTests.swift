import Foundation
import Testing
import TrustPathIngest
import TrustPathModel

/// Broken files never crash the loader: each yields a diagnostic naming the file, the JSON path where it applies,
/// what was expected and what to do, and the rest of the snapshot is still read.
@Suite("Bad input")
struct BadInputTests {
    let good = #"{"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::111111111111:role/R", "AssumeRolePolicyDocument": {"Statement": []}}]}"#

    func load(_ bad: [UInt8], name: String = "bad.json") -> Snapshot {
        SnapshotLoader().load(documents: [(name, bad), ("good.json", Array(good.utf8))])
    }

    @Test func malformedJSONNamesFileLineAndPath() throws {
        let snapshot = load(Array(#"{"RoleDetailList": [{"RoleName": "R",, "x": 1}]}"#.utf8))
        let diagnostic = try #require(snapshot.diagnostics.first { $0.severity == .error })
        #expect(diagnostic.location?.file == "bad.json")
        #expect(diagnostic.location?.jsonPath == "$.RoleDetailList[0]")
        #expect(diagnostic.message.contains("line 1"))
        #expect(diagnostic.hint != nil)
        #expect(snapshot.allRoles.count == 1)
        #expect(snapshot.files.first { $0.path == "bad.json" }?.kind == .unreadable)
    }

    @Test func truncatedFileSaysItLooksCut() throws {
        let full = Array(good.utf8)
        let snapshot = load(Array(full.prefix(full.count / 2)))
        let diagnostic = try #require(snapshot.diagnostics.first { $0.severity == .error })
        #expect(diagnostic.message.contains("ends in the middle"))
        #expect(diagnostic.hint?.contains("cut short") == true)
    }

    @Test func wrongTypesAreReportedAtTheirPath() {
        let json = """
        {"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::111111111111:role/R",
          "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": 42, "Action": "sts:AssumeRole"}]},
          "RolePolicyList": "oops"}, 7], "UserDetailList": {"not": "a list"}}
        """
        let snapshot = load(Array(json.utf8))
        let paths = snapshot.diagnostics.filter { $0.location?.file == "bad.json" }.compactMap(\.location?.jsonPath)
        #expect(paths.contains("$.RoleDetailList[0].AssumeRolePolicyDocument.Statement[0].Principal"))
        #expect(paths.contains("$.RoleDetailList[0].RolePolicyList"))
        #expect(paths.contains("$.RoleDetailList[1]"))
        let messages = snapshot.diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("expected an array, found a string") })
    }

    @Test func unrelatedJSONIsSkippedWithAReason() {
        let snapshot = load(Array(#"{"hello": "world"}"#.utf8))
        let file = snapshot.files.first { $0.path == "bad.json" }
        #expect(file?.kind == .skipped)
        #expect(file?.detail.contains("top-level keys: hello") == true)
    }

    static let hostile: [(String, [UInt8])] = {
        let invalidUTF8: [UInt8] = Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        let bomb: [UInt8] = Array(String(repeating: "[", count: 100_000).utf8)
        return [
            ("empty", []),
            ("binary", [0x00, 0xFF, 0x13, 0x37]),
            ("invalid UTF-8 in a string", invalidUTF8),
            ("depth bomb", bomb),
            ("trailing garbage", Array("{} {}".utf8)),
            ("lone top-level string", Array("\"just text\"".utf8)),
        ]
    }()

    @Test(arguments: hostile)
    func hostileBytesNeverCrash(name: String, bytes: [UInt8]) {
        let snapshot = load(bytes)
        #expect(snapshot.allRoles.count == 1, "the good file is still read")
        #expect(snapshot.files.first { $0.path == "bad.json" }.map { $0.kind == .unreadable || $0.kind == .skipped } == true)
    }

    @Test func policyThatIsNotJSONAfterURLDecoding() {
        let json = #"{"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::111111111111:role/Z", "AssumeRolePolicyDocument": "%7Bnot-json"}]}"#
        let snapshot = load(Array(json.utf8))
        let diagnostic = snapshot.diagnostics.first { $0.code == "bad-policy-json" }
        #expect(diagnostic?.location?.jsonPath == "$.RoleDetailList[0].AssumeRolePolicyDocument")
    }

    @Test func emptyDirectoryAndMissingDirectoryAreErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trustpath-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: IngestError.noInputFiles(directory.path)) { try SnapshotLoader().load(directory: directory.path) }
        #expect(throws: IngestError.notADirectory("/nonexistent/trustpath")) { try SnapshotLoader().load(directory: "/nonexistent/trustpath") }
        #expect(IngestError.noInputFiles("x").description.contains("get-account-authorization-details"))
    }
}
