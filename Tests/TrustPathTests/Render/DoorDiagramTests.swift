import Foundation
import Testing
import TrustPathAnalysis
import TrustPathReport
@testable import TrustPathRender

/// Door diagram file names: what the reports print and `render` writes, from role names anyone can choose.
@Suite("Render: door diagram names")
struct DoorDiagramNameTests {
    static func isSafe(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
            && !name.hasPrefix("-") && !name.hasPrefix(".") && !name.contains("..") && name.count <= 110
    }

    static func key(_ name: String, _ statement: Int = 0, account: String = RenderSamples.prod) -> DoorKey {
        DoorKey(role: "arn:aws:iam::\(account):role/\(name)", statement: statement)
    }

    @Test func namesSayAccountRoleAndStatement() {
        let files = DoorDiagramName.files([Self.key("OrgAdmin", 2), Self.key("path/to/ci-deployer")])
        #expect(files[Self.key("OrgAdmin", 2)] == "doors/door-\(RenderSamples.prod)-OrgAdmin-s2")
        // The role's path is left out: the name alone is unique in the account.
        #expect(files[Self.key("path/to/ci-deployer")] == "doors/door-\(RenderSamples.prod)-ci-deployer-s0")
        #expect(DoorDiagramName.reported("doors/door-x-s0") == "doors/door-x-s0.svg")
    }

    @Test(arguments: ["../../etc/passwd", "-rf", ".hidden", "..", "a\u{0}b\nc\u{1B}[31m", "\u{202E}evil", "日本語",
                      String(repeating: "A", count: 500), "x\"]; injected", "a/../../b", "...."])
    func hostileRoleNamesGiveSafeNames(_ name: String) throws {
        let file = try #require(DoorDiagramName.files([Self.key(name)])[Self.key(name)])
        #expect(file.hasPrefix("doors/"))
        let base = String(file.dropFirst("doors/".count))
        #expect(Self.isSafe(base), "\(base)")
        #expect(base.hasPrefix("door-\(RenderSamples.prod)-"))
        #expect(base.hasSuffix("-s0"))
    }

    @Test func namesThatSanitizeAlikeOrDifferOnlyInCaseGetDistinctStableNames() throws {
        // IAM allows + = , . @ in names, all of which sanitize to "-"; case-insensitive file systems merge case.
        let keys = [Self.key("a+b"), Self.key("a=b"), Self.key("a@b"), Self.key("Admin"), Self.key("admin"), Self.key("plain")]
        let files = DoorDiagramName.files(keys)
        #expect(files.count == keys.count)
        #expect(Set(files.values.map { $0.lowercased() }).count == keys.count)
        #expect(files.values.allSatisfy { Self.isSafe(String($0.dropFirst("doors/".count))) })
        // Only the clashing ones carry a hash, and the hash depends on the door alone: order does not matter.
        #expect(files[Self.key("plain")] == "doors/door-\(RenderSamples.prod)-plain-s0")
        let clashing = try #require(files[Self.key("a+b")])
        #expect(clashing.hasPrefix("doors/door-\(RenderSamples.prod)-a-b-s0-") && clashing.count == "doors/door-\(RenderSamples.prod)-a-b-s0-".count + 12)
        #expect(DoorDiagramName.files(keys.reversed()) == files)
        // Alone, the same door needs no hash.
        #expect(DoorDiagramName.files([Self.key("a+b")])[Self.key("a+b")] == "doors/door-\(RenderSamples.prod)-a-b-s0")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Paths.inputs.path)))
    func reportsNameTheFilesRenderWrites() throws {
        let report = try Demo.report(Demo.november)
        #expect(!report.doors.isEmpty)
        #expect(report.doors.allSatisfy { $0.diagram?.hasPrefix("doors/door-") == true && $0.diagram?.hasSuffix(".svg") == true })
        let directory = try RenderTemporaryDirectory()
        let written = try DiagramWriter.write(report: report, to: directory.path, options: DiagramOptions(formats: [.svg]))
        for door in report.doors {
            let diagram = try #require(door.diagram)
            #expect(written.files.contains(diagram), "\(diagram) not written")
        }
    }
}

/// One diagram per door: exactly its entries and the shortest paths to its worst targets, the legend, the wide
/// trusts it passes labelled, and the choke points marked.
@Suite("Render: door diagrams")
struct DoorDiagramTests {
    static let report = RenderSamples.report()

    @Test func aDoorDiagramHoldsExactlyItsEntriesAndTopPaths() throws {
        for door in Self.report.doors {
            let diagram = DiagramBuilder.doorDiagram(door, in: Self.report,
                                                     context: DoorContext(Self.report, doors: [door], paths: door.top.count))
            let nodes = diagram.nodes + diagram.clusters.flatMap(\.nodes)
            let entryIDs = Set(door.entries.map { AccountDirectory.nodeID(Entry(kind: $0.kind, id: $0.id, name: $0.name)) })
            let roles = Set(door.top.flatMap { $0.path.dropFirst() } + [door.role])
            #expect(Set(nodes.filter { if case .entry = $0.kind { true } else { false } }.map(\.id)) == entryIDs)
            #expect(Set(nodes.filter { $0.kind == .role }.map(\.id)) == Set(roles.map(AccountDirectory.nodeID(role:))))
            var hops = Set(entryIDs.map { "\($0)>\(AccountDirectory.nodeID(role: door.role))" })
            for target in door.top {
                let chain = target.path.dropFirst().map(AccountDirectory.nodeID(role:))
                for (from, to) in zip(chain, chain.dropFirst()) { hops.insert("\(from)>\(to)") }
            }
            #expect(Set(diagram.edges.map { "\($0.from)>\($0.to)" }) == hops, "\(door.id)")
        }
        // The GitHub door: one entry, two targets, and the alternative chain through ci-other is not drawn.
        let github = try #require(Self.report.doors.first { $0.role.hasSuffix("/ci-deployer") })
        let dot = DiagramBuilder.door(github, in: Self.report)
        #expect(dot.contains("OrgAdmin") && !dot.contains("ci-other"))
    }

    @Test func drawsAtMostTheDoorsTopPaths() throws {
        var door = try #require(Self.report.doors.first { $0.role.hasSuffix("/ci-deployer") })
        door.top = Array(door.top.prefix(1))
        let diagram = DiagramBuilder.doorDiagram(door, in: Self.report, context: DoorContext(Self.report, doors: [door], paths: 1))
        #expect(diagram.edges.count == 2)
        #expect(diagram.title.contains("Drawn: the worst target behind it, with a shortest path."))
    }

    @Test func arrowsIntoAnOrgWideTrustSayIt() throws {
        let github = try #require(Self.report.doors.first { $0.role.hasSuffix("/ci-deployer") })
        let diagram = DiagramBuilder.doorDiagram(github, in: Self.report,
                                                 context: DoorContext(Self.report, doors: [github], paths: 3))
        let intoAdmin = try #require(diagram.edges.first { $0.to.hasSuffix("/OrgAdmin") })
        #expect(intoAdmin.label.contains("org-wide trust (PrincipalOrgID)"))
        // Near miss: the public's door also trusts "*", without the organization condition: no such label.
        let overview = DiagramBuilder.overviewDiagram(Self.report, options: DiagramOptions())
        let publicArrow = try #require(overview.edges.first { $0.from == "entry:public:*" })
        #expect(!publicArrow.label.contains { $0.contains("org-wide") })
        #expect(overview.edges.filter { $0.label.contains("org-wide trust (PrincipalOrgID)") }.count == 1)
        // Org paths, an own account's root; an outside account's root is how the entry is named, not a wide trust.
        let context = DoorContext(Self.report, doors: [], paths: 0)
        var hop = RenderSamples.hop(RenderSamples.role("a"), RenderSamples.role("b"), principal: "*", present: ["aws:PrincipalOrgPaths"])
        #expect(context.trustScope(hop) == "org-wide trust (PrincipalOrgPaths)")
        hop = RenderSamples.hop(RenderSamples.role("a"), RenderSamples.role("b"), principal: "arn:aws:iam::\(RenderSamples.prod):root")
        #expect(context.trustScope(hop) == "account-wide trust (root of prod \(RenderSamples.prod))")
        hop = RenderSamples.hop(RenderSamples.role("a"), RenderSamples.role("b"), principal: "*")
        #expect(context.trustScope(hop) == nil)
    }

    @Test func chokePointsAreMarkedOnTheDoorAndTheHop() throws {
        let overview = DiagramBuilder.overviewDiagram(Self.report, options: DiagramOptions())
        let nodes = overview.clusters.flatMap(\.nodes)
        let admin = try #require(nodes.first { $0.id.hasSuffix("/OrgAdmin") })
        #expect(admin.chokePoint)
        #expect(admin.details.contains("CHOKE POINT: statement 0, 1"))
        let deployer = try #require(nodes.first { $0.id.hasSuffix("/ci-deployer") })
        #expect(!deployer.chokePoint)
        let hop = try #require(overview.edges.first { $0.from.hasSuffix("/ci-deployer") && $0.to.hasSuffix("/OrgAdmin") })
        #expect(hop.chokePoint)
        let dot = DiagramBuilder.overview(Self.report)
        #expect(dot.contains("penwidth=4"))
        #expect(dot.contains("CHOKE POINT"))
        // Without choke points nothing is marked.
        let plain = DiagramBuilder.overview(RenderSamples.report(chokePoints: []))
        #expect(!plain.contains("CHOKE POINT:") && !plain.contains("penwidth=4"))
        // A door's own diagram says so in its heading.
        let door = try #require(Self.report.doors.first { $0.role.hasSuffix("/OrgAdmin") })
        #expect(DiagramBuilder.doorDiagram(door, in: Self.report, context: DoorContext(Self.report, doors: [door], paths: 3))
            .title.contains { $0.hasPrefix("Choke point:") })
    }

    @Test func everyDoorDiagramHasTheLegendTheDiffHasItsOwn() throws {
        let report = Self.report
        for dot in [DiagramBuilder.overview(report)] + report.doors.map({ DiagramBuilder.door($0, in: report) }) {
            #expect(dot.contains("\"legend\" [shape=plain"))
            let texts = try SVGText.parse(try GraphvizRenderer.shared.render(dot: dot, format: .svg))
            for text in ["Legend", "anyone (*)", "solid: open", "dashed: conditional", "thick: CHOKE POINT"] {
                #expect(texts.contains(text), "\(text) missing from the legend")
            }
        }
    }
}
