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

    @Test func everyFindingSVGNamesItsWholeChain() throws {
        let report = RenderSamples.report()
        for finding in report.findings {
            let svg = try GraphvizRenderer.shared.render(dot: DiagramBuilder.finding(finding, in: report), format: .svg)
            let texts = try SVGText.parse(svg)
            for arn in finding.path.dropFirst() {
                #expect(texts.contains(String(arn.split(separator: "/").last ?? "")))
            }
        }
    }

    @Test func pngHasSignatureAndSaneSize() throws {
        let report = RenderSamples.report()
        for dot in [DiagramBuilder.overview(report), DiagramBuilder.finding(report.findings[0], in: report)] {
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

    @Test func writerWritesEverySetAndRemovesStaleFindings() throws {
        let directory = try RenderTemporaryDirectory()
        let report = RenderSamples.report()
        let all = try DiagramWriter.write(report: report, to: directory.path)
        #expect(all.findings == 6)
        #expect(all.files.count == 3 * 7)
        #expect(all.files.contains("overview.png"))
        let overview = try String(contentsOf: directory.url.appendingPathComponent("overview.dot"), encoding: .utf8)
        #expect(overview == DiagramBuilder.overview(report))

        // Rendering again over the same directory replaces files, and drops what is no longer drawn.
        let critical = try DiagramWriter.write(report: report, to: directory.path,
                                               options: DiagramOptions(minimumSeverity: .critical))
        #expect(critical.findings == 2)
        #expect(critical.removed.count == 3 * 4)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("findings").path)
        #expect(left.count == 3 * 2)
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
