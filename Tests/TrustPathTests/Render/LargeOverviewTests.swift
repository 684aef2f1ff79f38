import Foundation
import Testing
import TrustPathAnalysis
import TrustPathIngest
import TrustPathReport
import TrustPathSynthetic
@testable import TrustPathRender

/// A generated organization too large to draw role by role: the overview collapses to one node per account and
/// keeps both its nodes and its arrows within the budget, so Graphviz lays it out quickly and a person can read it.
@Suite("Render: large organizations")
struct LargeOverviewTests {
    static let report: Report = {
        let shape = OrganizationShape(accounts: 30, rolesPerAccount: 40, usersPerAccount: 1, seed: 11, managedPolicyVersions: 1)
        let documents = SyntheticOrganization(shape).documents().map { ($0.path, $0.bytes) }
        return ReportBuilder.build(Analyzer.analyze(SnapshotLoader().load(documents: documents)))
    }()

    @Test(arguments: [12, 24])
    func collapsedOverviewKeepsNodesAndArrowsWithinTheBudget(budget: Int) {
        let options = DiagramOptions(collapseAbove: budget)
        #expect(DiagramBuilder.overviewIsCollapsed(Self.report, options: options))
        let diagram = DiagramBuilder.overviewDiagram(Self.report, options: options)
        #expect(diagram.nodeCount <= budget)
        #expect(diagram.edges.count <= budget, "\(diagram.edges.count) arrows for a budget of \(budget)")
        #expect(diagram.nodes.contains { $0.kind == .more }, "what was merged is drawn as a \"more\" node")
        #expect(diagram.title.contains { $0.contains("merged into the \"more\" nodes") })
    }

    @Test func perDoorDiagramsDrawOnlyTheDoorsTopPaths() throws {
        let doors = Array(Self.report.doors.prefix(40))
        let context = DoorContext(Self.report, doors: doors, paths: doors.map(\.top.count).max() ?? 0)
        // Some door has more roles behind it than it shows: its diagram stays at its top paths.
        #expect(doors.contains { $0.behind.values.reduce(0, +) > $0.top.count })
        for door in doors {
            let diagram = DiagramBuilder.doorDiagram(door, in: Self.report, context: context)
            let roles = Set(diagram.clusters.flatMap(\.nodes).filter { $0.kind == .role }.map(\.id))
            #expect(roles == Set((door.top.flatMap { $0.path.dropFirst() } + [door.role]).map(AccountDirectory.nodeID(role:))))
        }
    }

    @Test func collapsedOverviewRendersAsAnImage() throws {
        let dot = DiagramBuilder.overview(Self.report, options: DiagramOptions(collapseAbove: 24))
        let png = try #require(try GraphvizRenderer.shared.render(dot: dot, formats: [.png])[.png])
        let size = try #require(PNGHeader.size(png))
        #expect(size.width > 300 && size.height > 300)
    }
}
