import TrustPathRemediation
import Foundation
import Testing
import TrustPathAnalysis
import TrustPathCheck
import TrustPathModel

/// The verdicts: the same engine as `analyze`, per statement, and what a change opens and closes in a snapshot.
@Suite("check: verdicts per statement, and what a change opens and closes")
struct CheckEvaluationTests {
    static func check(_ names: [String], snapshot: String? = nil, account: String = CheckFixtures.prod) throws -> CheckReport {
        let files = try names.map { try CheckFixtures.read($0, account: account) }
        guard let snapshot else { return CheckEvaluation.run(files, account: account, accountGiven: true) }
        let demo = try Demo.snapshot(snapshot)
        let config = try Demo.config(snapshot)
        return CheckEvaluation.run(files, base: demo, compare: true, account: account, accountGiven: true,
                                   options: AnalysisOptions(vendorNames: config.vendorNames, config: config))
    }

    @Test func anOutsideAccountWithoutExternalIdIsCriticalBehindAnAdminRole() throws {
        let report = try Self.check(["partner-access.yaml"])
        let partner = try #require(report.findings.first { $0.resource == "PartnerRole" })
        #expect(partner.entry == "external account 999988887777")
        #expect(partner.severity == .critical)
        #expect(partner.statement == 0 && partner.line == 39)
        #expect(partner.lacks == ["sts:ExternalId"])
        #expect(partner.fix?.contains("add StringEquals sts:ExternalId") == true)
        #expect(partner.fixChange?.placeholders == [Placeholder.externalID])
        #expect(partner.reaches.contains("arn:aws:iam::\(CheckFixtures.prod):role/ChainedRole"), "what lies behind the door")
        #expect(partner.rule == "TP002")
        let ci = try #require(report.findings.first { $0.resource == "CiRole" })
        #expect(ci.lacks == ["token.actions.githubusercontent.com:sub"] && ci.rule == "TP004")
    }

    /// Near misses: a fixed ExternalId (even one only known at deploy) and a chain that only passes a statement.
    @Test func pinnedStatementsAndPassedStatementsAreNoFindings() throws {
        let report = try Self.check(["partner-access.yaml", "trust-policy.json"])
        #expect(!report.findings.contains { $0.resource == "VendorRole" }, "ExternalId from a NoEcho parameter is a secret")
        #expect(!report.findings.contains { $0.resource == "ChainedRole" })
        let chained = try #require(report.roles.first { $0.resource == "ChainedRole" })
        #expect(chained.statements.first?.passedBy == ["external account 999988887777 (through partner-dev-deployer statement 0)"])
        let policy = report.findings.filter { $0.file.hasSuffix("trust-policy.json") }
        #expect(policy.map(\.statement) == [0], "statement 1 pins its ExternalId")
        #expect(policy.first?.entry == "external account 283745091623")
    }

    /// Put into the October demo, the template lets the partner reach the organization's deploy role.
    @Test func inTheSnapshotTheTemplateOpensAPathToOrgDeployAdmin() throws {
        let report = try Self.check(["partner-access.yaml"], snapshot: Demo.october)
        let opens = try #require(report.opens)
        let toAdmin = try #require(opens.first { $0.entryId == "999988887777" && $0.targetName == "OrgDeployAdmin" })
        #expect(toAdmin.message == "this change lets external account 999988887777 reach OrgDeployAdmin (520388146927)")
        #expect(toAdmin.severity == .critical)
        #expect(toAdmin.doorResource == "PartnerRole" && toAdmin.doorStatement == 0 && toAdmin.doorLine == 39)
        #expect(report.closes?.isEmpty == true)
        #expect(report.worstSeverity == .critical)
        let partner = try #require(report.findings.first { $0.resource == "PartnerRole" })
        #expect(partner.reaches.contains("arn:aws:iam::520388146927:role/OrgDeployAdmin"))
    }

    /// Redeploying MonitoringCoReadOnly with an ExternalId replaces the snapshot's role and closes its pairs.
    @Test func replacingARoleClosesItsPairs() throws {
        let report = try Self.check(["monitoring-fixed.yaml"], snapshot: Demo.october)
        #expect(report.findings.isEmpty)
        #expect(report.opens?.isEmpty == true)
        let closes = try #require(report.closes)
        #expect(Set(closes.filter { $0.entryId == "283745091623" }.map(\.targetName)) == ["MonitoringCoReadOnly", "OrgDeployAdmin", "platform-readonly"])
        #expect(closes.allSatisfy { $0.message.hasPrefix("this change no longer lets") })
        #expect(report.worstSeverity == nil)
    }

    @Test func aPlanIsCheckedByTheSameEngine() throws {
        let report = try Self.check(["plan.json"])
        let partner = try #require(report.findings.first { $0.resource == "aws_iam_role.partner" })
        #expect(partner.severity == .critical && partner.line == 5)
        let ci = try #require(report.findings.first { $0.resource == "module.ci.aws_iam_role.this[0]" })
        #expect(ci.entry == "service config.amazonaws.com" && ci.severity == .high)
        #expect(ci.lacks.contains("aws:SourceAccount"))
    }

    /// A template that still holds a fix's placeholder gets the same warning as a snapshot.
    @Test func placeholdersInACheckedPolicyAreWarnedAbout() throws {
        let text = #"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::520388146927:role/REPLACE-WITH-ALLOWED-ROLE"}, "Action": "sts:AssumeRole"}]}"#
        let file = try CheckInputReader.read(Array(text.utf8), file: "fixed.json", account: CheckFixtures.prod)
        let report = CheckEvaluation.run([file], account: CheckFixtures.prod, accountGiven: true)
        #expect(report.diagnostics.contains { $0.code == "placeholder-in-trust-policy" && $0.location?.file == "fixed.json" })
    }
}
