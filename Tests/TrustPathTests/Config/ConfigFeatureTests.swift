import Testing
import TrustPathAnalysis
import TrustPathConfig
import TrustPathEngine
import TrustPathModel
import TrustPathRemediation
import TrustPathRender
import TrustPathReport

/// Each setting of the project file, on a small world: one that must change the result and a near miss that must not.
@Suite("Project file: effects")
struct ConfigFeatureTests {
    static let partner = "307946673750"
    static let member = "111111111111"
    static let sandbox = "222222222222"

    /// A partner account reaches a read-only role; a sandbox member reaches an admin role in the other member.
    static func world() -> TestWorld {
        var world = TestWorld(organizationID: "o-test", members: [member, sandbox])
        world.roles = [
            RoleSpec(name: "PartnerReader", account: member, trust: trust("{\"AWS\": \"arn:aws:iam::\(partner):root\"}"),
                     managed: ["arn:aws:iam::aws:policy/ReadOnlyAccess"], tags: ["data-class": "restricted"]),
            RoleSpec(name: "SandboxDeployer", account: member, trust: trust("{\"AWS\": \"arn:aws:iam::\(sandbox):root\"}"),
                     inline: [adminPolicy]),
            RoleSpec(name: "SandboxUser", account: sandbox, trust: trust("{\"AWS\": \"arn:aws:iam::\(sandbox):root\"}")),
        ]
        return world
    }

    static let readerARN = "arn:aws:iam::\(member):role/PartnerReader"
    static let deployerARN = "arn:aws:iam::\(member):role/SandboxDeployer"

    static func analyze(_ yaml: String, today: String = "2026-12-01") throws -> (AnalysisResult, Report) {
        let config = try ProjectConfigLoader.parse(yaml, file: "trustpath.yml")
        var snapshot = world().snapshot()
        config.apply(to: &snapshot)
        let result = Analyzer.analyze(snapshot, options: AnalysisOptions(vendorNames: config.vendorNames, config: config, today: today))
        return (result, ReportBuilder.build(result))
    }

    static func finding(_ result: AnalysisResult, _ entry: String, _ target: String) -> Finding? {
        result.findings.first { $0.entry.id == entry && $0.target == target }
    }

    @Test func withoutAFileThePartnerFindingIsMedium() throws {
        let (result, _) = try Self.analyze("")
        let finding = try #require(Self.finding(result, Self.partner, Self.readerARN))
        #expect(finding.severity == .medium && finding.crownJewel == nil)
        #expect(Self.finding(result, Self.sandbox, Self.deployerARN) == nil, "members are trusted")
    }

    @Test func aCrownJewelByARNPatternRaisesOneLevel() throws {
        let (result, report) = try Self.analyze("crown-jewels:\n  - role: \"arn:aws:iam::*:role/Partner*\"\n")
        let finding = try #require(Self.finding(result, Self.partner, Self.readerARN))
        #expect(finding.severity == .high)
        #expect(finding.crownJewel == CrownJewelMark(rule: "role arn:aws:iam::*:role/Partner*", raisedFrom: .medium))
        #expect(report.summary.crownJewels == 1)
        #expect(TextReporter.render(report).contains("crown jewel (role arn:aws:iam::*:role/Partner*): raised from medium"))
    }

    @Test func aCrownJewelByTagRaisesAndAnotherValueDoesNot() throws {
        let (raised, _) = try Self.analyze("crown-jewels:\n  - tag: {key: data-class, value: restricted}\n")
        #expect(Self.finding(raised, Self.partner, Self.readerARN)?.severity == .high)
        let (anyValue, _) = try Self.analyze("crown-jewels:\n  - tag: {key: data-class}\n")
        #expect(Self.finding(anyValue, Self.partner, Self.readerARN)?.severity == .high)
        let (missed, _) = try Self.analyze("crown-jewels:\n  - tag: {key: data-class, value: public}\n")
        #expect(Self.finding(missed, Self.partner, Self.readerARN)?.severity == .medium)
    }

    @Test func criticalStaysCritical() {
        #expect(Severity.allCases[max(0, Severity.critical.rank - 1)] == .critical)
    }

    static let acceptance = """
    accepted-risks:
      - entry: "\(partner)"
        target: "arn:aws:iam::*:role/PartnerReader"
        reason: Partner audit, signed off by security
        expires: 2026-12-31
    """

    @Test func anAcceptedRiskHidesTheFindingButCountsAndListsIt() throws {
        let (result, report) = try Self.analyze(Self.acceptance)
        #expect(Self.finding(result, Self.partner, Self.readerARN) == nil)
        #expect(report.suppressed.map(\.finding.target) == [Self.readerARN])
        #expect(report.summary.suppressed == 1)
        let text = TextReporter.render(report)
        #expect(text.contains("Accepted risks (1 pair(s) hidden)"))
        #expect(text.contains("accepted until 2026-12-31: Partner audit, signed off by security"))
        #expect(MarkdownReporter.render(report).contains("Accepted risks: 1 pair(s) hidden"))
        #expect(!report.fixes.contains { $0.fix.role == Self.readerARN }, "an accepted risk needs no fix in the ranking")
    }

    @Test func anAcceptanceHoldsThroughItsExpiryDayAndThenComesBackFlagged() throws {
        let (lastDay, _) = try Self.analyze(Self.acceptance, today: "2026-12-31")
        #expect(Self.finding(lastDay, Self.partner, Self.readerARN) == nil)
        let (after, report) = try Self.analyze(Self.acceptance, today: "2027-01-01")
        let finding = try #require(Self.finding(after, Self.partner, Self.readerARN))
        #expect(finding.expiredAcceptance == ExpiredAcceptance(reason: "Partner audit, signed off by security", expired: "2026-12-31"))
        #expect(report.summary.suppressed == 0 && report.summary.expiredAcceptances == 1)
        #expect(TextReporter.render(report).contains("accepted risk EXPIRED on 2026-12-31"))
        #expect(MarkdownReporter.render(report).contains("(acceptance expired)"))
    }

    @Test func anAcceptanceForAnotherTargetHidesNothing() throws {
        let (result, report) = try Self.analyze(Self.acceptance.replacingOccurrences(of: "role/PartnerReader", with: "role/Other"))
        #expect(Self.finding(result, Self.partner, Self.readerARN) != nil)
        #expect(report.suppressed.isEmpty)
    }

    @Test func aTrustedAccountIsNoEntry() throws {
        let (result, _) = try Self.analyze("trusted-accounts: [\"\(Self.partner)\"]\n")
        #expect(Self.finding(result, Self.partner, Self.readerARN) == nil)
        #expect(!result.entries.contains { $0.id == Self.partner })
    }

    @Test func anUntrustedMemberBecomesAnEntry() throws {
        let (result, _) = try Self.analyze("untrusted-accounts: [\"\(Self.sandbox)\"]\n")
        let finding = try #require(Self.finding(result, Self.sandbox, Self.deployerARN))
        #expect(finding.severity == .critical && finding.entry.kind == .externalAccount)
    }

    @Test func aVendorIsNamedInFindingsReportsAndFixesAndCalledAConfusedDeputy() throws {
        let (result, report) = try Self.analyze("vendors:\n  \"\(Self.partner)\": PartnerCo\n")
        let finding = try #require(Self.finding(result, Self.partner, Self.readerARN))
        #expect(finding.entry.name == "PartnerCo")
        #expect(finding.note?.contains("textbook confused deputy") == true)
        let fix = try #require(report.doors.first { $0.role == Self.readerARN }?.fix)
        #expect(fix.summary.contains("the value PartnerCo issued to you"))
        #expect(fix.summary.contains("confused deputy"))
        #expect(TextReporter.render(report).contains("vendor PartnerCo \(Self.partner) → PartnerReader"))
        #expect(MarkdownReporter.render(report).contains("vendor PartnerCo"))
        #expect(try SARIFReporter.render(report).contains("PartnerCo"))
        #expect(DiagramBuilder.overview(report).contains("PartnerCo"), "diagrams name the vendor too")
    }

    @Test func aBuiltInVendorIsNamedWithoutAnyFile() throws {
        var world = Self.world()
        world.roles[0].trust = trust("{\"AWS\": \"arn:aws:iam::464622532012:root\"}")
        let config = try ProjectConfigLoader.parse("", file: "trustpath.yml")
        let result = Analyzer.analyze(world.snapshot(), options: AnalysisOptions(vendorNames: config.vendorNames, config: config))
        #expect(Self.finding(result, "464622532012", Self.readerARN)?.entry.name == "Datadog")
    }

    @Test func aVendorWithAFixedExternalIdIsNoFinding() throws {
        var world = Self.world()
        world.roles[0].trust = trust("{\"AWS\": \"arn:aws:iam::\(Self.partner):root\"}",
                                     condition: "{\"StringEquals\": {\"sts:ExternalId\": \"secret-issued-by-vendor\"}}")
        let config = try ProjectConfigLoader.parse("vendors:\n  \"\(Self.partner)\": PartnerCo\n", file: "trustpath.yml")
        let result = Analyzer.analyze(world.snapshot(), options: AnalysisOptions(vendorNames: config.vendorNames, config: config))
        #expect(Self.finding(result, Self.partner, Self.readerARN) == nil)
    }
}
