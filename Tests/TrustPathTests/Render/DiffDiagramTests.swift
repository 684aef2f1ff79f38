import Foundation
import Testing
import TrustPathHistory
import TrustPathReport
@testable import TrustPathRender
import TrustPathCompare

/// The diff diagram of the two demo snapshots: what the README says was fixed is drawn green, what is new red.
@Suite("Render: diff diagram")
struct DiffDiagramTests {
    static func demoDiff() throws -> SnapshotDiff {
        SnapshotDiff(before: try Demo.report(Demo.october), after: try Demo.report(Demo.november))
    }

    @Test func demoDiffMatchesGolden() throws {
        RenderGolden.assertMatches(DiffDiagramBuilder.diagram(try Self.demoDiff()), named: "demo-diff-2026-10-to-2026-11.dot")
    }

    @Test func fixedChainsAreResolvedAndTheNewTrustIsNew() throws {
        let diagram = DiffDiagramBuilder.diffDiagram(try Self.demoDiff())
        func change(_ from: String, _ to: String) -> EdgeChange? {
            diagram.edges.first { $0.from.hasSuffix(from) && $0.to.hasSuffix("/" + to) }?.change
        }
        // Fixed: MonitoringCo's ExternalId, and the partner chain into mgmt.
        #expect(change(":283745091623", "MonitoringCoReadOnly") == .removed)
        #expect(change("STS-Assume-S3-Read-Only-POC", "STS-Assume-S3-Read-Only-MGMT") == .removed)
        // New: the public trust of analytics-partner-share.
        #expect(change("entry:public:*", "analytics-partner-share") == .added)
        // Kept: the OIDC entry into ci-deployer.
        #expect(change("token.actions.githubusercontent.com", "ci-deployer") == .kept)
        #expect(diagram.edges.allSatisfy { $0.change != nil }, "every arrow of a diff says where it stands")
        let resolvedTarget = diagram.clusters.flatMap(\.nodes).first { $0.title == "MonitoringCoReadOnly" }
        #expect(resolvedTarget?.severity == nil)
        #expect(resolvedTarget?.details.first?.hasPrefix("RESOLVED") == true)
    }

    @Test func labelsDoNotStackWhereArrowsShareANode() throws {
        let diagram = DiffDiagramBuilder.diffDiagram(try Self.demoDiff())
        #expect(diagram.edges.allSatisfy { $0.label.count <= 2 })
        let labelled = diagram.edges.filter { !$0.label.isEmpty }
        #expect(!labelled.isEmpty)
        #expect(Set(labelled.map { [$0.to] + $0.label }).count == labelled.count, "two arrows into one role repeat a label")
        // What a label leaves out is in the arrow's tooltip.
        #expect(labelled.allSatisfy { $0.tooltip.contains($0.label[0].replacingOccurrences(of: " …", with: "")) })
        let repeated = [DiagramEdge(from: "a", to: "t", state: .open, label: ["lacks aws:PrincipalOrgID"], tooltip: "x"),
                        DiagramEdge(from: "b", to: "t", state: .open, label: ["lacks aws:PrincipalOrgID"], tooltip: "y"),
                        DiagramEdge(from: "c", to: "t", state: .open, label: ["lacks", "one", "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"], tooltip: "z")]
        let unstacked = DiffDiagramBuilder.unstacked(repeated)
        #expect(unstacked.map(\.label.count) == [1, 0, 2])
        #expect(unstacked[1].tooltip == "y · lacks aws:PrincipalOrgID")
        #expect(unstacked[2].label[1].hasSuffix(" …"))
    }

    @Test func writerRendersTheDiffAsDOTSVGAndPNG() throws {
        let directory = try RenderTemporaryDirectory()
        let files = try DiagramWriter.write(diff: try Self.demoDiff(), to: directory.path)
        #expect(files == ["diff.dot", "diff.svg", "diff.png"])
        let svg = try Data(contentsOf: directory.url.appendingPathComponent("diff.svg"))
        let texts = try SVGText.parse(svg)
        #expect(texts.contains("analytics-partner-share"))
        #expect(texts.contains("MonitoringCoReadOnly"))
        let png = try Data(contentsOf: directory.url.appendingPathComponent("diff.png"))
        let size = try #require(PNGHeader.size(png))
        #expect(size.width > 400 && size.height > 300)
    }
}
