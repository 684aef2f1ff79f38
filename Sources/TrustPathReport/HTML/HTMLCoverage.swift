import TrustPathModel

/// What was read and what was not: the files, the problems found in them, and the analysis's assumptions. Shown
/// before any result, because a clean page over half-read input would mislead.
enum HTMLCoverage {
    static func section(_ report: Report) -> [String] {
        let files = report.snapshot.files
        var lines = ["<h2 id=\"coverage\">Coverage</h2>"]
        for line in CoverageText.render(report, style: TextStyle(enabled: false), limit: 20) {
            lines.append("<p class=\"warn\"><b>" + HTML.text(line) + "</b></p>")
        }
        let byKind = Dictionary(grouping: files, by: \.kind.rawValue).mapValues(\.count)
        let kinds = byKind.keys.sorted().map { "\(byKind[$0] ?? 0) \(HTML.text($0))" }.joined(separator: ", ")
        lines.append("<p>\(files.count) input file\(files.count == 1 ? "" : "s")\(files.isEmpty ? "" : ": " + kinds).</p>")
        let unusable = files.filter { $0.kind == .unreadable || $0.kind == .skipped }
        if !unusable.isEmpty {
            lines.append("<p><b>\(unusable.count) file\(unusable.count == 1 ? " was" : "s were") not used:</b></p>")
            lines.append(fileTable(unusable))
        }
        let counts = Dictionary(grouping: report.diagnostics, by: \.severity).mapValues(\.count)
        let tally = Diagnostic.Severity.allCases.reversed().map { "\(counts[$0] ?? 0) \($0.rawValue)\((counts[$0] ?? 0) == 1 ? "" : "s")" }
        lines.append("<h3>Problems in the input</h3>")
        if report.diagnostics.isEmpty {
            lines.append("<p>None: every file was read in full.</p>")
        } else {
            lines.append("<p>" + tally.joined(separator: ", ") + ". Errors and warnings mean the results may be incomplete.</p>")
            let shown = report.diagnostics.sorted { ($1.severity, $0) < ($0.severity, $1) }.prefix(HTMLLimits.diagnosticsListed)
            lines.append(HTML.table(["Severity", "Problem", "Where", "What to do"], rows: shown.map { diagnostic in
                [HTML.text(diagnostic.severity.rawValue),
                 "<code>\(HTML.text(diagnostic.code))</code> \(HTML.text(diagnostic.message))",
                 diagnostic.location.map(where_) ?? "",
                 HTML.text(diagnostic.hint ?? "")]
            }))
            lines.append(more(report.diagnostics.count, shown: shown.count, what: "problems", where: "the JSON output"))
        }
        if !report.assumptions.isEmpty {
            lines.append("<h3>Assumptions</h3>")
            lines.append("<ul>" + report.assumptions.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>")
        }
        if !files.isEmpty {
            let shown = Array(files.prefix(HTMLLimits.filesListed))
            lines.append("<details><summary>Every input file (\(files.count))</summary>")
            lines.append(fileTable(shown))
            lines.append(more(files.count, shown: shown.count, what: "files", where: "the JSON output"))
            lines.append("</details>")
        }
        return lines
    }

    private static func fileTable(_ files: [InputFile]) -> String {
        HTML.table(["File", "Read as", "Detail"], rows: files.map { file in
            ["<code>\(HTML.text(file.path))</code>", HTML.text(file.kind.rawValue), HTML.text(file.detail)]
        })
    }

    private static func where_(_ location: SourceLocation) -> String {
        var text = "<code>\(HTML.text(location.file))</code>"
        if !location.jsonPath.isEmpty { text += " at <code>\(HTML.text(location.jsonPath))</code>" }
        return text
    }

    /// `… and 12 more problems in the JSON output.`, or nothing when all were shown.
    static func more(_ total: Int, shown: Int, what: String, where place: String) -> String {
        total > shown ? "<p class=\"muted\">… and \(total - shown) more \(what) in \(place).</p>" : ""
    }
}
