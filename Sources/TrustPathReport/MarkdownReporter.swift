import TrustPathAnalysis
import TrustPathModel

/// A report sized for a pull-request comment.
public enum MarkdownReporter {
    public static func render(_ report: Report) -> String {
        let names = DisplayNames(report)
        var lines: [String] = []
        let summary = report.summary
        lines.append("## TrustPath: \(summary.findings) finding(s)")
        lines.append("")
        lines.append("| Severity | Count |")
        lines.append("| --- | ---: |")
        for severity in Severity.allCases {
            lines.append("| \(severity.rawValue) | \(summary.bySeverity[severity.rawValue] ?? 0) |")
        }
        lines += inputProblems(report)
        for category in [FindingCategory.crossAccount, .crossService] {
            let findings = report.findings.filter { $0.category == category }
            guard !findings.isEmpty else { continue }
            lines.append("")
            lines.append(category == .crossAccount ? "### Cross-account and federation" : "### Cross-service")
            lines.append("")
            lines.append("| Severity | Path | Lacks | Trust statement |")
            lines.append("| --- | --- | --- | --- |")
            for finding in findings {
                let lacks = Set(finding.hops.flatMap(\.guardsMissing)).sorted().map { "`\($0)`" }.joined(separator: ", ")
                let entryHop = finding.hops.first
                let statement = entryHop?.statement.map { markdownSafe($0.file) + " #\($0.index)" } ?? ""
                lines.append("| \(finding.severity.rawValue)\(finding.state == .conditional ? " (conditional)" : "") | "
                    + "\(markdownSafe(names.path(finding))) | \(lacks) | \(statement) |")
            }
        }
        if !report.chokePoints.isEmpty {
            lines.append("")
            lines.append("### Choke points: \(report.chokePoints.count) fix(es) remove every \(report.chokePointSeverity.rawValue) finding")
            lines.append("")
            lines += report.chokePoints.map { "- " + markdownSafe($0.summary) }
        }
        if !report.fixes.isEmpty {
            lines.append("")
            lines.append("<details><summary>All fixes, ranked</summary>")
            lines.append("")
            lines.append("| Removes | Fix |")
            lines.append("| --- | --- |")
            for ranked in report.fixes {
                let counts = Severity.allCases.compactMap { severity in ranked.removes[severity.rawValue].map { "\($0) \(severity.rawValue)" } }
                lines.append("| \(counts.joined(separator: ", ")) | \(markdownSafe(ranked.fix.summary)) |")
            }
            lines.append("")
            lines.append("</details>")
        }
        if !report.assumptions.isEmpty {
            lines.append("")
            lines.append("<details><summary>Assumptions</summary>")
            lines.append("")
            lines += report.assumptions.map { "- " + markdownSafe($0) }
            lines.append("")
            lines.append("</details>")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension MarkdownReporter {
    /// Files, or parts of files, that could not be used: said near the top, because the findings above are only
    /// as complete as the input they were made from.
    static let inputProblemLimit = 20

    static func inputProblems(_ report: Report) -> [String] {
        let problems = report.diagnostics.filter { $0.severity != .note }.sorted { $0.severity > $1.severity }
        guard !problems.isEmpty else { return [] }
        let errors = problems.filter { $0.severity == .error }.count
        var lines = ["", "### Input problems: \(errors) error(s), \(problems.count - errors) warning(s)", "",
                     "The findings cover what could be read; these parts of the input were not used as written.", ""]
        for diagnostic in problems.prefix(inputProblemLimit) {
            let place = diagnostic.location.map { "`" + markdownCode($0.file) + "` at `" + markdownCode($0.jsonPath) + "`: " } ?? ""
            lines.append("- **\(diagnostic.severity.rawValue)** \(place)\(markdownSafe(diagnostic.message))"
                + (diagnostic.hint.map { " (" + markdownSafe($0) + ")" } ?? ""))
        }
        if problems.count > inputProblemLimit {
            lines.append("- and \(problems.count - inputProblemLimit) more (run `trustpath summary` for all)")
        }
        return lines
    }

    /// Text for inside a code span: backticks cannot be escaped there, so they become quotes.
    static func markdownCode(_ text: String) -> String {
        terminalSafe(text).replacingOccurrences(of: "`", with: "'")
    }
}

/// Escapes text from input for Markdown tables and HTML: pipes, angle brackets, backticks, newlines.
public func markdownSafe(_ text: String) -> String {
    var result = ""
    for character in terminalSafe(text) {
        switch character {
        case "|": result += "\\|"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "&": result += "&amp;"
        case "*", "_", "[", "]", "\\", "`": result += "\\" + String(character)
        default: result.append(character)
        }
    }
    return result
}
