import Foundation
import Testing
import TrustPathHistory
import TrustPathRender
import TrustPathReport

/// The page in a real browser: Debian's headless Chromium draws it to a screenshot that must not be blank and
/// must show the page's own colors (the inline style applied), and the DOM it builds holds what the report says.
@Suite("HTML: in a browser", .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.skipReason)))
struct HTMLBrowserTests {
    static func write(_ html: String, _ temp: TemporaryDirectory, name: String = "report.html") throws -> URL {
        let file = temp.url.appendingPathComponent(name)
        try html.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func page() throws -> String {
        let report = HTMLFixtures.report()
        let overview = try GraphvizRenderer.shared.render(dot: DiagramBuilder.overview(report), format: .svg)
        let trend = [TrendPoint(id: 1, label: "q1", takenAt: "2026-01-01T00:00:00Z", doorsBySeverity: ["critical": 4, "high": 2],
                                pairsBySeverity: ["critical": 9]),
                     TrendPoint(id: 2, label: "q2", takenAt: "2026-04-01T00:00:00Z", doorsBySeverity: ["critical": 1, "low": 2],
                                pairsBySeverity: ["critical": 2])]
        return HTMLReporter.render(report, diagrams: [HTMLReporter.overviewDiagram: String(decoding: overview, as: UTF8.self)],
                                   trend: TrendHTML.section(trend, database: "history.sqlite"))
    }

    @Test func theScreenshotShowsThePageWithItsStyle() throws {
        let temp = try TemporaryDirectory()
        let image = try PNGImage(Chromium.screenshot(try Self.write(try Self.page(), temp)))
        #expect(image.width == 1280 && image.height == 2000)
        let total = image.width * image.height
        let white = image.count(255, 255, 255)
        #expect(Double(total - white) / Double(total) > 0.03, "only \(total - white) of \(total) pixels are not white")
        // Colors only the style sheet paints: the critical badge and door border, the fix box, the card panels.
        #expect(image.count(0xB3, 0x26, 0x1E) > 500, "no critical red: the style was not applied")
        #expect(image.count(0xEE, 0xF6, 0xEE) > 5_000, "no fix box")
        #expect(image.count(0xF6, 0xF6, 0xF8) > 5_000, "no summary cards")
    }

    @Test func aBlankPageFailsTheSameCheck() throws {
        let temp = try TemporaryDirectory()
        let image = try PNGImage(Chromium.screenshot(try Self.write(HTML.page(title: "blank", body: []), temp),
                                                     width: 640, height: 480))
        #expect(image.count(255, 255, 255) == image.width * image.height, "an empty page is all white")
    }

    @Test func theBuiltPageHoldsWhatTheReportSays() throws {
        let temp = try TemporaryDirectory()
        let dom = try Chromium.dom(try Self.write(try Self.page(), temp))
        #expect(dom.contains("<h1>TrustPath report</h1>"))
        #expect(dom.contains("<b>3</b>doors"))
        #expect(dom.contains("<b>2</b>pairs (entry, role)"))
        for door in ["Door1", "Door2", "Door3"] { #expect(dom.contains("\(door) (prod 111111111111)")) }
        #expect(dom.contains("3 critical, 1 high — 4 roles"))
        #expect(dom.contains("Doors by severity"))
        #expect(dom.components(separatedBy: "<svg").count - 1 == 3, "the overview and the two trend charts")
        #expect(!dom.contains("<script"))
    }

    @Test func thePagePolicyStopsScriptsInThisBrowser() throws {
        let temp = try TemporaryDirectory()
        let script = "<script>document.getElementById('x').textContent='script ran'</script>"
        let guarded = HTML.page(title: "t", body: ["<p id=\"x\">static</p>", script])
        let unguarded = "<!DOCTYPE html><html><body><p id=\"x\">static</p>\(script)</body></html>"
        let blocked = try Chromium.dom(try Self.write(guarded, temp, name: "guarded.html"))
        let ran = try Chromium.dom(try Self.write(unguarded, temp, name: "unguarded.html"))
        #expect(ran.contains(">script ran<"), "the control page runs its script, so the check can fail")
        #expect(blocked.contains(">static<") && !blocked.contains(">script ran<"))
    }
}
