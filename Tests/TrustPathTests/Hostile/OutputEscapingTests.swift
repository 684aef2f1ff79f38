import Foundation
import Testing
import TrustPathAnalysis
import TrustPathHistory
import TrustPathIngest
import TrustPathJSON
import TrustPathRemediation
import TrustPathReport
import TrustPathCompare

/// Names from input reach every output escaped for it: no terminal escape sequence, no Markdown or HTML that
/// renders as something else, and JSON that parses and keeps the name exactly.
@Suite("Hostile input: output escaping")
struct OutputEscapingTests {
    static let hostileName = "evil\u{1B}[31mRED\u{1B}]8;;x\u{07}|<img src=x onerror=alert(1)>`code`*b*_i_\nline2\r\u{9B}2J"
    static let hostileTag = "\u{1B}[2J<script>alert(1)</script>"

    static func report() -> Report {
        let role = HostileGAAD.role(hostileName,
                                    condition: #"{"StringEquals": {\#(JSONWriter.quoted("aws:PrincipalTag/" + hostileTag)): "\u001b[5m|x|"}}"#)
        let second = HostileGAAD.role("plain", principal: #"{"AWS": "arn:aws:iam::307946673750:root"}"#)
        let snapshot = HostileGAAD.load([("gaad-\u{1B}[1mfile|<b>.json", HostileGAAD.document([role, second]))])
        let result = Analyzer.analyze(snapshot)
        return ReportBuilder.build(result, plan: RemediationPlan.make(result))
    }

    /// Control characters other than newline and tab (ESC, BEL, CSI, CR) are what terminals act on.
    static func controlCharacters(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || (0x7F...0x9F).contains($0) }
    }

    @Test func theHostileRoleIsFound() {
        #expect(Self.report().findings.contains { $0.target.hasSuffix(Self.hostileName) })
    }

    @Test(arguments: [OutputFormat.text, .markdown])
    func textFormatsCarryNoControlCharacters(format: OutputFormat) throws {
        for color in [false, true] where format == .text || !color {
            let output = try format.render(Self.report(), options: RenderOptions(color: color))
            let stray = Self.controlCharacters(output.replacingOccurrences(of: "\u{1B}[", with: color ? "" : "\u{1B}["))
            if color {
                // Our own color codes are ESC [ … m; none may come from the input.
                #expect(!output.contains("\u{1B}[31mRED"), "the input's escape sequence reached the terminal")
                #expect(!output.contains("\u{1B}]8"), "the input's hyperlink sequence reached the terminal")
                #expect(!output.contains("\u{9B}"))
            } else {
                #expect(stray.isEmpty, "\(format) output holds control characters \(stray)")
            }
            #expect(output.contains("RED"), "the name is shown, escaped, not dropped")
        }
    }

    @Test func markdownRendersNoHTMLAndKeepsTablesWhole() throws {
        let output = try OutputFormat.markdown.render(Self.report())
        #expect(!output.contains("<img"))
        #expect(!output.contains("<script"))
        #expect(!output.contains("<b>"))
        #expect(output.contains("&lt;img"))
        // A table row has as many unescaped pipes as its header.
        let lines = output.split(separator: "\n").map(String.init)
        var columns: Int?
        for line in lines {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let pipes = Self.unescapedPipes(line)
            if let columns { #expect(pipes == columns, "row breaks its table: \(line)") } else { columns = pipes }
        }
    }

    @Test(arguments: [OutputFormat.json, .sarif])
    func jsonFormatsParseAndKeepTheNameExactly(format: OutputFormat) throws {
        let output = try format.render(Self.report())
        let parsed = try JSONParser.parse(output)
        #expect(Self.strings(in: parsed).contains { $0.hasSuffix(Self.hostileName) })
        #expect(Self.controlCharacters(output).isEmpty, "raw control characters in \(format)")
    }

    @Test func diffReportersEscapeToo() throws {
        let empty = ReportBuilder.build(Analyzer.analyze(HostileGAAD.load([("x.json", HostileGAAD.document([]))])))
        let diff = SnapshotDiff(before: empty, after: Self.report())
        for format in [DiffFormat.text, .markdown] {
            let output = try format.render(diff)
            #expect(Self.controlCharacters(output).isEmpty, "\(format) diff holds control characters")
            #expect(output.contains("RED"))
        }
        #expect(!(try DiffFormat.markdown.render(diff)).contains("<img"))
    }

    @Test func summaryEscapesFileNamesAndDiagnostics() {
        let snapshot = HostileGAAD.load([("bad\u{1B}[31m.json", "{\"RoleDetailList\": \"\u{1B}[2J\"}")])
        let output = SummaryTextReporter.render(SnapshotSummary(snapshot: snapshot))
        #expect(Self.controlCharacters(output).isEmpty)
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }

    static func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let items): items.flatMap(strings)
        case .object(let object): object.members.flatMap { [$0.key] + strings(in: $0.value) }
        default: []
        }
    }
}
