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
