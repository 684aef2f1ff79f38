import TrustPathReport
import TrustPathEscaping

/// The check for a pull-request comment: the verdict, a table of what outsiders can assume, what the change opens
/// and closes in the organization, and what could not be resolved.
public enum CheckMarkdownReporter {
    /// The report as Markdown.
    public static func render(_ report: CheckReport, limit: Int = MarkdownReporter.commentLimit) -> String {
        // GitHub refuses longer comments: leave out the lowest-ranked rows until it fits, and say so.
        var rows = max(report.findings.count, report.opens?.count ?? 0, report.closes?.count ?? 0)
        while true {
            let text = render(report, rows: rows)
            if text.utf8.count <= limit || rows == 0 { return text }
            rows = rows * 3 / 4
        }
    }

    static func render(_ report: CheckReport, rows: Int) -> String {
        var lines = ["## TrustPath check", "", Escape.markdown(CheckSummary.headline(report))]
        if !report.accountGiven {
            lines += ["", "_No `--account`: checked in a stand-in account inside the organization._"]
        }
        if report.findings.isEmpty {
            lines += ["", "No outside entry can assume a checked role."]
        } else {
            lines += ["", "| Severity | Where | Role | Statement | Who outside | Lacks | Fix |", "| --- | --- | --- | --- | --- | --- | --- |"]
            for finding in report.findings.prefix(rows) {
                let place = Escape.markdown(CheckSummary.place(file: finding.file, line: finding.line))
                lines.append("| \(finding.severity.rawValue) | \(place) | \(Escape.markdown(finding.resource ?? finding.role)) | "
                    + "\(finding.statement) | \(Escape.markdown(finding.entry)) | \(Escape.markdown(finding.lacks.joined(separator: ", "))) | "
                    + "\(Escape.markdown(finding.fix ?? "—")) |")
            }
            if rows < report.findings.count {
                lines += ["", "_\(report.findings.count - rows) more finding(s) left out to fit a comment: see the JSON or SARIF output._"]
            }
        }
        for (title, pairs) in [("Opens", report.opens), ("Closes", report.closes)] {
            guard let pairs else { continue }
            lines += ["", "### \(title) in \(Escape.markdown(report.snapshot ?? "the snapshot")) (\(pairs.count))"]
            var budget = rows
            for (door, group) in CheckSummary.byDoor(pairs) where budget > 0 {
                lines.append("- through \(Escape.markdown(door)):")
                lines += group.prefix(budget).map { "  - **\($0.severity.rawValue)** \(Escape.markdown($0.message))" }
                budget -= min(budget, group.count)
            }
            if rows < pairs.count { lines.append("- _and \(pairs.count - rows) more pair(s): see the JSON output._") }
        }
        if !report.notes.isEmpty {
            lines += ["", "### Not resolved or assumed"]
            lines += report.notes.map { "- \(Escape.markdown(CheckSummary.place(file: $0.file, line: $0.line))): \(Escape.markdown($0.message))" }
        }
        if !report.diagnostics.isEmpty {
            lines += ["", "### Input problems"]
            lines += report.diagnostics.map { "- \($0.severity.rawValue): \(Escape.markdown($0.location?.description ?? "")): \(Escape.markdown($0.message))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
