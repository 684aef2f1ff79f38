import Foundation
import Testing
import TrustPathAnalysis
import TrustPathIngest
import TrustPathReport
@testable import TrustPathRender

/// The DOT text is TrustPath's own and deterministic: compared byte for byte with golden files.
@Suite("Render: golden DOT")
struct RenderGoldenTests {
    @Test func overviewMatchesGolden() {
        RenderGolden.assertMatches(DiagramBuilder.overview(RenderSamples.report()), named: "sample-overview.dot")
    }

    @Test func multiHopDoorMatchesGolden() throws {
        let report = RenderSamples.report()
        let door = try #require(report.doors.first { $0.top.contains { $0.path.count == 3 } })
        RenderGolden.assertMatches(DiagramBuilder.door(door, in: report), named: "sample-door-federated-chain.dot")
    }

    @Test func conditionalDoorMatchesGolden() throws {
        let report = RenderSamples.report()
        let door = try #require(report.doors.first { $0.state == .conditional })
        RenderGolden.assertMatches(DiagramBuilder.door(door, in: report), named: "sample-door-conditional.dot")
    }

    @Test func collapsedOverviewMatchesGolden() {
        let options = DiagramOptions(collapseAbove: 6)
        RenderGolden.assertMatches(DiagramBuilder.overview(RenderSamples.report(), options: options),
                                   named: "sample-overview-collapsed.dot")
    }

    @Test func collapsedOverviewWithMergedGroupsMatchesGolden() {
        let options = DiagramOptions(collapseAbove: 5)
        RenderGolden.assertMatches(DiagramBuilder.overview(RenderSamples.report(), options: options),
                                   named: "sample-overview-merged.dot")
    }

    @Test func filteredOverviewMatchesGolden() {
        let options = DiagramOptions(minimumSeverity: .high, account: RenderSamples.prod)
        RenderGolden.assertMatches(DiagramBuilder.overview(RenderSamples.report(), options: options),
                                   named: "sample-overview-high-prod.dot")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Paths.inputs.path)), arguments: ["acme-2026-10", "acme-2026-11"])
    func demoOverviewMatchesGolden(_ name: String) throws {
        var snapshot = try SnapshotLoader().load(directory: Paths.inputs.appendingPathComponent(name).path)
        snapshot.directory = "Inputs/\(name)"
        let report = ReportBuilder.build(Analyzer.analyze(snapshot))
        RenderGolden.assertMatches(DiagramBuilder.overview(report), named: "demo-\(name)-overview.dot")
        let critical = try #require(report.doors.first { $0.severity == .critical })
        RenderGolden.assertMatches(DiagramBuilder.door(critical, in: report), named: "demo-\(name)-first-critical-door.dot")
    }

    @Test func outputIsIndependentOfFindingOrder() {
        let report = RenderSamples.report()
        let shuffled = RenderSamples.report(Array(report.findings.reversed()))
        #expect(DiagramBuilder.overview(report) == DiagramBuilder.overview(shuffled))
        let collapsed = DiagramOptions(collapseAbove: 4)
        #expect(DiagramBuilder.overview(report, options: collapsed) == DiagramBuilder.overview(shuffled, options: collapsed))
    }

    @Test func collapsesOnlyAboveTheThreshold() {
        let report = RenderSamples.report()
        // 5 entries and 5 roles (the alternative chain's ci-other is no door's shortest path).
        #expect(!DiagramBuilder.overviewIsCollapsed(report, options: DiagramOptions(collapseAbove: 10)))
        #expect(DiagramBuilder.overviewIsCollapsed(report, options: DiagramOptions(collapseAbove: 9)))
        let collapsed = DiagramBuilder.overviewDiagram(report, options: DiagramOptions(collapseAbove: 9))
        #expect(collapsed.clusters.isEmpty)
        #expect(collapsed.nodes.contains { $0.id == "account:\(RenderSamples.prod)" })
        #expect(!collapsed.nodes.contains { $0.kind == .role })
    }

    @Test func mergedOverviewStaysWithinTheBudget() {
        // Seven groups (two accounts, five entries) for five places: the three with critical doors keep theirs.
        let diagram = DiagramBuilder.overviewDiagram(RenderSamples.report(), options: DiagramOptions(collapseAbove: 5))
        #expect(diagram.nodeCount <= 5)
        #expect(diagram.nodes.contains { $0.kind == .more })
        // The public entry into the admin role passes a critical door: it keeps its own node.
        #expect(diagram.nodes.contains { $0.id == "entry:public:*" })
    }
}

@Suite("Render: filters")
struct RenderFilterTests {
    let findings = RenderSamples.report().findings
    let doors = RenderSamples.report().doors

    @Test func doorFiltersKeepWholeDoors() {
        // Five doors: OrgAdmin (public, critical), ci-deployer (GitHub, critical), AuditReader (conditional, medium),
        // DatadogIntegration (low), events-invoker (service, high).
        #expect(doors.count == 5)
        #expect(DiagramOptions(minimumSeverity: .critical).filter(doors).map(\.role)
            == [RenderSamples.role("OrgAdmin"), RenderSamples.role("ci-deployer")])
        // A target behind the door counts, not only the door's role: OrgAdmin lies behind ci-deployer's door.
        #expect(DiagramOptions(target: "OrgAdmin").filter(doors).count == 2)
        #expect(DiagramOptions(target: "NoSuchRole").filter(doors).isEmpty)
        #expect(DiagramOptions(entry: "datadog").filter(doors).map(\.role) == [RenderSamples.role("DatadogIntegration", RenderSamples.data)])
        #expect(DiagramOptions(entry: "oidc-provider/token.actions.githubusercontent.com").filter(doors).count == 1)
        #expect(DiagramOptions(account: RenderSamples.data).filter(doors).count == 2)
        #expect(DiagramOptions(account: RenderSamples.vendor).filter(doors).count == 1)
        #expect(DiagramOptions(minimumSeverity: .high, account: RenderSamples.prod).filter(doors).count == 3)
    }

    @Test func severityKeepsThatSeverityOrWorse() {
        let kept = DiagramOptions(minimumSeverity: .high).filter(findings)
        #expect(kept.count == 4)
        #expect(kept.allSatisfy { $0.severity <= .high })
    }

    @Test func targetMatchesASubstringOfTheARN() {
        #expect(DiagramOptions(target: "OrgAdmin").filter(findings).count == 2)
        #expect(DiagramOptions(target: "NoSuchRole").filter(findings).isEmpty)
    }

    @Test func entryMatchesIdVendorNameOrProviderName() {
        #expect(DiagramOptions(entry: "*").filter(findings).count == 1)
        #expect(DiagramOptions(entry: "datadog").filter(findings).count == 1)
        #expect(DiagramOptions(entry: "oidc-provider/token.actions.githubusercontent.com").filter(findings).count == 2)
        #expect(DiagramOptions(entry: RenderSamples.outsider).filter(findings).count == 1)
    }

    @Test func accountMatchesTargetChainOrEntry() {
        #expect(DiagramOptions(account: RenderSamples.data).filter(findings).count == 2)
        #expect(DiagramOptions(account: RenderSamples.vendor).filter(findings).count == 1)
        // The provider lives in prod: its findings touch prod even before the chain does.
        #expect(DiagramOptions(account: RenderSamples.prod).filter(findings).count == 4)
    }

    @Test func filtersCombine() {
        let kept = DiagramOptions(minimumSeverity: .critical, entry: RenderSamples.github).filter(findings)
        #expect(kept.count == 1)
        #expect(kept.first?.path.count == 3)
    }
}
