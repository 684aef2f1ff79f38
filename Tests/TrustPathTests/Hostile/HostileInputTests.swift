import Foundation
import Testing
import TrustPathAnalysis
import TrustPathIngest
import TrustPathJSON
import TrustPathModel

/// Input built to break the loader: every problem becomes a diagnostic with the file, the JSON path, what was
/// expected and what to do, and what can still be read is read and analyzed.
@Suite("Hostile input")
struct HostileInputTests {
    static let victim = HostileGAAD.role("Victim")
    static let bystander = HostileGAAD.role("Bystander", account: "111122223333")

    /// Every node of a two-role GAAD file replaced by each value of another type: the loader never crashes,
    /// every diagnostic it gives names the file and a JSON path at or above the broken node, the other file is
    /// read whole, and no more than the one broken role of the file is lost.
    @Test func wrongTypeAtEveryLevelOfGAAD() throws {
        let text = HostileGAAD.document([Self.victim, HostileGAAD.role("Second")])
        let original = try JSONParser.parse(text)
        var mutations = 0
        for (path, value) in HostileGAAD.paths(original) where !path.isEmpty {
            for replacement in HostileGAAD.wrongTypes(for: value) {
                mutations += 1
                let broken = HostileGAAD.replacing(path[...], in: original, with: replacement)
                let snapshot = HostileGAAD.load([("broken.json", JSONWriter.write(broken)),
                                                 ("other.json", HostileGAAD.document([Self.bystander]))])
                let described = JSONPath(path).description
                #expect(snapshot.accounts["111122223333"]?.roles.count == 1, "other file lost when \(described) broke")
                let rolesLeft = snapshot.accounts[HostileGAAD.account]?.roles.count ?? 0
                #expect(rolesLeft >= (path.count > 1 && path[0] == .key("RoleDetailList") ? 1 : 0),
                        "more than the broken role lost when \(described) became \(replacement.kindDescription)")
                for diagnostic in snapshot.diagnostics where diagnostic.location?.file == "broken.json" {
                    let at = diagnostic.location?.jsonPath ?? "$"
                    #expect(described.hasPrefix(at) || at.hasPrefix(described),
                            "diagnostic at \(at) for a break at \(described): \(diagnostic.message)")
                    #expect(!diagnostic.message.isEmpty)
                }
            }
        }
        #expect(mutations > 150, "the document has enough nodes to mean something")
    }

    /// A role the loader can use only in part is never silently dropped: breaking its trust policy shows up.
    @Test func brokenTrustPolicyIsReportedNotSilentlyTrusted() throws {
        let text = HostileGAAD.document([Self.victim])
        let original = try JSONParser.parse(text)
        let trustPath: [JSONPath.Component] = [.key("RoleDetailList"), .index(0), .key("AssumeRolePolicyDocument")]
        for replacement in HostileGAAD.wrongTypes(for: .object(JSONObject())) where replacement != .null {
            let broken = HostileGAAD.replacing(trustPath[...], in: original, with: replacement)
            let snapshot = HostileGAAD.load([("broken.json", JSONWriter.write(broken))])
            let diagnostic = snapshot.diagnostics.first { $0.location?.jsonPath == JSONPath(trustPath).description }
            #expect(diagnostic != nil, "a \(replacement.kindDescription) trust policy passes without a word")
            #expect(diagnostic?.hint != nil || diagnostic?.message.contains("expected") == true)
        }
    }

    @Test func veryLongStringsAreReadAndKept() throws {
        let longName = String(repeating: "n", count: 4_000_000)
        let longCondition = String(repeating: "v", count: 1_000_000)
        let role = HostileGAAD.role(longName, condition: #"{"StringEquals": {"aws:SourceVpc": "\#(longCondition)"}}"#)
        let snapshot = HostileGAAD.load([("long.json", HostileGAAD.document([role]))])
        let loaded = try #require(snapshot.allRoles.first)
        #expect(loaded.name.count == longName.count)
        let result = Analyzer.analyze(snapshot)
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.state == .conditional, "an unknown VPC condition makes the hop conditional")
    }

    @Test func theSameAccountExportedTwiceIsReadOnce() {
        let document = HostileGAAD.document([Self.victim])
        let snapshot = HostileGAAD.load([("a.json", document), ("b-copy.json", document)])
        #expect(snapshot.allRoles.count == 1)
        #expect(!snapshot.diagnostics.contains { $0.code == "conflicting-exports" }, "identical copies agree")
        #expect(Analyzer.analyze(snapshot).findings.count == 1)
    }

    /// Two exports of one account that disagree are two snapshots mixed: loading documents reports it as an error
    /// (the first file in path order is used), and the CLI refuses the directory (exit 2).
    @Test func conflictingPagesAreReportedAndTheFirstFileWins() throws {
        let open = HostileGAAD.document([HostileGAAD.role("Victim")])
        let closed = HostileGAAD.document([HostileGAAD.role("Victim", principal: #"{"AWS": "arn:aws:iam::520388146927:root"}"#)])
        let snapshot = HostileGAAD.load([("page-a.json", open), ("page-b.json", closed)])
        let conflict = try #require(snapshot.diagnostics.first { $0.code == "conflicting-exports" })
        #expect(conflict.severity == .error)
        #expect(conflict.message.contains("page-a.json") && conflict.message.contains("page-b.json"))
        #expect(Analyzer.analyze(snapshot).findings.map(\.entry.id) == ["*"], "page-a.json, first in path order, is used")
    }

    @Test func unknownConditionOperatorIsNamedWithItsPath() throws {
        let role = HostileGAAD.role("Victim", condition: #"{"StringEqualsSometimes": {"aws:SourceIp": "10.0.0.0/8"}}"#)
        let snapshot = HostileGAAD.load([("ops.json", HostileGAAD.document([role]))])
        let diagnostic = try #require(snapshot.diagnostics.first { $0.code == "unknown-condition-operator" })
        #expect(diagnostic.location?.jsonPath
            == "$.RoleDetailList[0].AssumeRolePolicyDocument.Statement[0].Condition.StringEqualsSometimes")
        #expect(diagnostic.message.contains("StringEqualsSometimes"))
        #expect(diagnostic.hint != nil)
    }

    static let oddPrincipals: [String] = [
        #"{"AWS": 42}"#, #"{"AWS": {"nested": "object"}}"#, #"{"Unknown": "x"}"#, #"["*"]"#, #"{"AWS": "arn:aws:iam::12:root"}"#,
        #"{"AWS": "not-an-arn"}"#, #"{"Federated": 5}"#, #"{"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}"#,
        #"{"AWS": ["", null, true]}"#, #"{"Service": ["", "*"]}"#, #"{}"#, #"null"#,
    ]

    /// Principals AWS would refuse (or that name nobody) never open a hop, never crash, and are reported.
    @Test(arguments: oddPrincipals)
    func principalsInUnexpectedFormsOpenNothing(principal: String) {
        let role = HostileGAAD.role("Victim", principal: principal)
        let snapshot = HostileGAAD.load([("odd.json", HostileGAAD.document([role]))])
        #expect(snapshot.allRoles.count == 1)
        let findings = Analyzer.analyze(snapshot).findings
        #expect(findings.isEmpty, "\(principal) opened \(findings.map(\.entry.id))")
    }

    @Test func principalsAWSRefusesAreReported() {
        for principal in [#"{"AWS": 42}"#, #"{"Unknown": "x"}"#, #"["*"]"#, #"{"AWS": "not-an-arn"}"#] {
            let snapshot = HostileGAAD.load([("odd.json", HostileGAAD.document([HostileGAAD.role("Victim", principal: principal)]))])
            let diagnostic = snapshot.diagnostics.first { $0.location?.jsonPath.contains("Principal") == true }
            #expect(diagnostic != nil, "\(principal) passes without a word")
        }
    }
}
