import TrustPathReport

/// The check for a pull-request comment: the verdict, a table of what outsiders can assume, what the change opens
/// and closes in the organization, and what could not be resolved.
public enum CheckMarkdownReporter {
    /// The report as Markdown.
    public static func render(_ report: CheckReport) -> String {
        var lines = ["## TrustPath check", "", markdownSafe(CheckSummary.headline(report))]
        if !report.accountGiven {
            lines += ["", "_No `--account`: checked in a stand-in account inside the organization._"]
        }
        if report.findings.isEmpty {
            lines += ["", "No outside entry can assume a checked role."]
        } else {
            lines += ["", "| Severity | Where | Role | Statement | Who outside | Lacks | Fix |", "| --- | --- | --- | --- | --- | --- | --- |"]
            for finding in report.findings {
                let place = markdownSafe(CheckSummary.place(file: finding.file, line: finding.line))
                lines.append("| \(finding.severity.rawValue) | \(place) | \(markdownSafe(finding.resource ?? finding.role)) | "
                    + "\(finding.statement) | \(markdownSafe(finding.entry)) | \(markdownSafe(finding.lacks.joined(separator: ", "))) | "
                    + "\(markdownSafe(finding.fix ?? "—")) |")
            }
        }
        for (title, pairs) in [("Opens", report.opens), ("Closes", report.closes)] {
            guard let pairs else { continue }
            lines += ["", "### \(title) in \(markdownSafe(report.snapshot ?? "the snapshot")) (\(pairs.count))"]
            for (door, group) in CheckSummary.byDoor(pairs) {
                lines.append("- through \(markdownSafe(door)):")
                lines += group.map { "  - **\($0.severity.rawValue)** \(markdownSafe($0.message))" }
            }
        }
        if !report.notes.isEmpty {
            lines += ["", "### Not resolved or assumed"]
            lines += report.notes.map { "- \(markdownSafe(CheckSummary.place(file: $0.file, line: $0.line))): \(markdownSafe($0.message))" }
        }
        if !report.diagnostics.isEmpty {
            lines += ["", "### Input problems"]
            lines += report.diagnostics.map { "- \($0.severity.rawValue): \(markdownSafe($0.location?.description ?? "")): \(markdownSafe($0.message))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
