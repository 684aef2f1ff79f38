import Foundation
import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathEscaping
import TrustPathReport
@testable import TrustPathRender

/// Names come from other people's exports: nothing in one may change the DOT, the HTML labels or the SVG.
@Suite("Render: escaping")
struct RenderEscapingTests {
    static let hostileName = "evil\"role\\n<b>&amp;<i>\nline2\u{1B}[31mred\u{202E}"
    static let injection = "x\"]; \"injected\" [label=\"pwned"

    static var report: Report {
        let target = RenderSamples.role(hostileName)
        let second = RenderSamples.role(injection)
        let findings = [
            RenderSamples.finding(Entry(kind: .public, id: "*"), [target],
                                  [RenderSamples.hop("*", target, missing: ["aws:PrincipalOrgID"])],
                                  severity: .critical, reason: "admin <script>alert(1)</script> & \"more\""),
            RenderSamples.finding(Entry(kind: .externalAccount, id: RenderSamples.outsider, name: "Ven<dor> & \"Co\""),
                                  [second], [RenderSamples.hop(RenderSamples.outsider, second, weak: ["a\"b\\c"])],
                                  severity: .high, reason: "writes"),
        ]
        return RenderSamples.report(findings, names: [RenderSamples.prod: "pr<o>d & \"main\"\n\u{1B}[0m"])
    }

    @Test func dotQuotedStringsEscapeQuotesBackslashesAndControls() {
        #expect(Escape.dotString("a\"b") == #""a\"b""#)
        #expect(Escape.dotString(#"a\nb"#) == #""a\\nb""#)
        #expect(Escape.dotString("a\nb") == #""a\\u{a}b""#)
        #expect(Escape.dotString("\u{1B}[31m") == #""\\u{1b}[31m""#)
        #expect(Escape.dotString("\u{202E}abc") == #""\\u{202e}abc""#)
        #expect(Escape.dotStringLines(["a\"", "b\\"]) == #""a\"\nb\\""#)
    }

    @Test func htmlLabelsEscapeMarkup() {
        #expect(Escape.dotHTMLLabel("<b>&amp;</b>\"'") == "&lt;b&gt;&amp;amp;&lt;/b&gt;&quot;&#39;")
        #expect(Escape.dotHTMLLabel("a\u{1B}b") == "a\\u{1b}b")
    }

    @Test func dotHasNoRawControlCharacters() {
        let report = Self.report
        #expect(report.doors.count == 2)
        for dot in [DiagramBuilder.overview(report)] + report.doors.map({ DiagramBuilder.door($0, in: report) }) {
            let controls = dot.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            #expect(controls.isEmpty)
            #expect(!dot.unicodeScalars.contains("\u{202E}"))
        }
    }

    @Test func hostileNamesRenderAsTheirVisibleText() throws {
        let report = Self.report
        let hostile = try #require(report.doors.first { $0.role.contains("evil") })
        for dot in [DiagramBuilder.overview(report), DiagramBuilder.door(hostile, in: report)] {
            let texts = try SVGText.parse(try GraphvizRenderer.shared.render(dot: dot, format: .svg))
            #expect(texts.contains(#"evil"role\n<b>&amp;<i>\u{a}line2\u{1b}[31mred\u{202e}"#))
            #expect(texts.contains { $0.contains(#"pr<o>d & "main"\u{a}\u{1b}[0m"#) })
            #expect(!texts.contains { $0.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" } })
        }
    }

    @Test func aNameCannotAddNodesOrAttributes() throws {
        let report = Self.report
        let svg = try GraphvizRenderer.shared.render(dot: DiagramBuilder.overview(report), format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        // Two entries, two roles and the legend, nothing else: the injected statement stayed inside its string.
        #expect(text.components(separatedBy: "class=\"node\"").count - 1 == 5)
        #expect(!text.contains("<title>injected</title>"))
        #expect(try SVGText.parse(svg).contains { $0.contains("injected") && $0.contains("pwned") })
    }

    @Test func doorFileNamesOfHostileRolesAreSafeStableAndDistinct() {
        let report = Self.report
        let names = report.doors.compactMap(\.diagram)
        #expect(names.count == 2)
        for name in names {
            #expect(name.hasPrefix("doors/door-\(RenderSamples.prod)-"))
            #expect(name.hasSuffix("-s0.svg"))
            let file = String(name.dropFirst("doors/".count))
            #expect(DoorDiagramNameTests.isSafe(file), "\(file)")
        }
        #expect(Set(names).count == names.count)
    }
}
