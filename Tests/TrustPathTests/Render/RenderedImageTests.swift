import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TrustPathAnalysis
import TrustPathReport
@testable import TrustPathRender

/// Graphviz output checked structurally: SVG embeds the Graphviz version and font-dependent coordinates, so it is
/// parsed, not compared.
@Suite("Render: SVG and PNG")
struct RenderedImageTests {
    @Test func overviewSVGIsXMLAndNamesEveryRoleOnACriticalPath() throws {
        let report = RenderSamples.report()
        let svg = try GraphvizRenderer.shared.render(dot: DiagramBuilder.overview(report), format: .svg)
        let texts = try SVGText.parse(svg)
        let expected = RenderSamples.criticalRoleNames(report)
        #expect(expected == ["OrgAdmin", "ci-deployer"])
        for name in expected {
            #expect(texts.contains(name), "role \(name) missing from the SVG")
        }
    }

    @Test func everyDoorSVGNamesEveryRoleOnItsPaths() throws {
        let report = RenderSamples.report()
        for door in report.doors {
            let svg = try GraphvizRenderer.shared.render(dot: DiagramBuilder.door(door, in: report), format: .svg)
            let texts = try SVGText.parse(svg)
            for arn in door.top.flatMap({ $0.path.dropFirst() }) {
                #expect(texts.contains(String(arn.split(separator: "/").last ?? "")))
            }
        }
    }

    @Test func pngHasSignatureAndSaneSize() throws {
        let report = RenderSamples.report()
        for dot in [DiagramBuilder.overview(report), DiagramBuilder.door(report.doors[0], in: report)] {
            let png = try GraphvizRenderer.shared.render(dot: dot, format: .png)
            let size = try #require(PNGHeader.size(png))
            #expect((50...20_000).contains(size.width))
            #expect((50...20_000).contains(size.height))
        }
    }

    @Test func oneLayoutServesBothFormats() throws {
        let images = try GraphvizRenderer.shared.render(dot: DiagramBuilder.overview(RenderSamples.report()),
                                                        formats: [.svg, .png])
        #expect(images.keys.count == 2)
        #expect(PNGHeader.size(images[.png] ?? Data()) != nil)
        #expect(String(decoding: (images[.svg] ?? Data()).prefix(200), as: UTF8.self).contains("<?xml"))
    }

    @Test func invalidDOTIsATypedErrorWithGraphvizsMessage() {
        #expect {
            _ = try GraphvizRenderer.shared.render(dot: "digraph { a -> }", format: .svg)
        } throws: { error in
            guard case RenderError.invalidDOT(let message) = error else { return false }
            return message.contains("syntax error")
        }
        // The parser recovers: the next graph renders.
        #expect(throws: Never.self) { _ = try GraphvizRenderer.shared.render(dot: "digraph { a -> b }", format: .svg) }
    }

    @Test func concurrentCallersAreSerialized() async throws {
        let dot = DiagramBuilder.overview(RenderSamples.report())
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var total = 0
                    for _ in 0..<10 { total += try GraphvizRenderer.shared.render(dot: dot, format: .svg).count }
                    return total
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sizes.count == 8)
        #expect(Set(sizes).count == 1)
    }

    @Test func writerWritesEverySetAndRemovesStaleDoors() throws {
        let directory = try RenderTemporaryDirectory()
        let report = RenderSamples.report()
        // Files an older version wrote, one per finding: removed, as they no longer match the report.
        let old = directory.url.appendingPathComponent("findings")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("digraph {}".utf8).write(to: old.appendingPathComponent("finding-public--x-0123456789ab.dot"))
        try Data("keep".utf8).write(to: old.appendingPathComponent("notes.txt"))
        let all = try DiagramWriter.write(report: report, to: directory.path)
        #expect(all.doors == 5)
        #expect(all.files.count == 3 * 6)
        #expect(all.files.contains("overview.png"))
        #expect(all.removed == ["findings/finding-public--x-0123456789ab.dot"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: old.path) == ["notes.txt"])
        for door in report.doors {
            let base = try #require(door.diagram?.dropLast(".svg".count))
            #expect(["dot", "svg", "png"].allSatisfy { all.files.contains(base + "." + $0) })
        }
        let overview = try String(contentsOf: directory.url.appendingPathComponent("overview.dot"), encoding: .utf8)
        #expect(overview == DiagramBuilder.overview(report))
        let first = try String(contentsOf: directory.url.appendingPathComponent(String(report.doors[0].diagram?.dropLast(4) ?? "") + ".dot"),
                               encoding: .utf8)
        #expect(first == DiagramBuilder.door(report.doors[0], in: report))

        // Rendering again over the same directory replaces files, and drops what is no longer drawn; names stay.
        let critical = try DiagramWriter.write(report: report, to: directory.path,
                                               options: DiagramOptions(minimumSeverity: .critical))
        #expect(critical.doors == 2)
        #expect(critical.removed.count == 3 * 3)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("doors").path)
        var expected: Set<String> = []
        for door in report.doors.prefix(2) {
            let base = String(String(door.diagram ?? "").dropFirst("doors/".count).dropLast("svg".count))
            for format in ["dot", "svg", "png"] { expected.insert(base + format) }
        }
        #expect(Set(left) == expected)
    }
}

/// The text content of an SVG, via Foundation's XML parser: fails when the SVG is not well-formed XML.
final class SVGText: NSObject, XMLParserDelegate {
    private var texts: [String] = []
    private var current = ""
    private var inText = false

    struct NotXML: Error { var description: String }

    static func parse(_ data: Data) throws -> Set<String> {
        let collector = SVGText()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else {
            throw NotXML(description: parser.parserError.map { "\($0)" } ?? "unknown XML error")
        }
        return Set(collector.texts)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "text" {
            inText = true
            current = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" {
            texts.append(current)
            inText = false
        }
    }
}

/// Width and height from a PNG's IHDR chunk, after checking the 8-byte signature.
enum PNGHeader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func size(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return nil
        }
        func bigEndian(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (bigEndian(16), bigEndian(20))
    }
}
