import TrustPathAnalysis
import TrustPathModel
import TrustPathEscaping

/// A report sized for a pull-request comment: the summary, a Mermaid diagram of the critical paths, the findings
/// as tables, the fixes. GitHub refuses comments over 65,536 characters, so the lowest-ranked rows are left out
/// (and counted) until the report fits.
public enum MarkdownReporter {
    /// GitHub's limit for an issue or pull-request comment.
    public static let commentLimit = 65_536
    /// Critical chains drawn at most: Mermaid grows unreadable (and slow) well before the comment limit.
    public static let diagramLimit = 25

    /// The report in at most `limit` characters: every finding when they fit, otherwise the highest-ranked ones.
    public static func render(_ report: Report, limit: Int = commentLimit) -> String {
        let names = DisplayNames(report)
        var low = 0
        var high = report.doors.count
        let whole = text(report, names: names, rows: high)
        if whole.count <= limit { return whole }
        // The largest number of rows that fits, found by bisection: rendering is linear, the row count can be thousands.
        while low < high {
            let middle = (low + high + 1) / 2
            if text(report, names: names, rows: middle).count <= limit { low = middle } else { high = middle - 1 }
        }
        return text(report, names: names, rows: low)
    }

    static func text(_ report: Report, names: DisplayNames, rows: Int) -> String {
        var lines: [String] = []
        let summary = report.summary
        lines.append("## TrustPath: \(summary.doors) door(s) into \(Escape.markdown(report.snapshot.directory))"
            + (report.generated.map { " on \($0.date)" + ($0.commit.map { " at `\(Escape.markdownCode(String($0.prefix(12))))`" } ?? "") } ?? ""))
        lines.append("")
        lines.append("| Severity | Doors | Pairs |")
        lines.append("| --- | ---: | ---: |")
        for severity in Severity.allCases {
            lines.append("| \(severity.rawValue) | \(summary.doorsBySeverity[severity.rawValue] ?? 0) | "
                + "\(summary.bySeverity[severity.rawValue] ?? 0) |")
        }
        lines += coverage(report)
        lines += inputProblems(report)
        if summary.suppressed > 0 || summary.expiredAcceptances > 0 || summary.crownJewels > 0 {
            lines.append("")
            lines.append("Project file: \(summary.crownJewels) raised as crown jewels, \(summary.suppressed) hidden by accepted risks, "
                + "\(summary.expiredAcceptances) whose acceptance expired.")
        }
        lines += criticalPaths(report, names: names)
        let shown = Array(report.doors.prefix(rows))
        for category in [FindingCategory.crossAccount, .crossService] {
            let doors = shown.filter { $0.category == category }
            guard !doors.isEmpty else { continue }
            lines.append("")
            lines.append(category == .crossAccount ? "### Cross-account and federation doors" : "### Cross-service doors")
            lines.append("")
            lines.append("| Severity | Door | Entries | Behind | Fix |")
            lines.append("| --- | --- | --- | --- | --- |")
            lines += doors.map { row($0, names: names) }
        }
        if rows < report.doors.count {
            lines.append("")
            lines.append("_\(report.doors.count - rows) lower-ranked door(s) left out to fit a pull-request comment "
                + "(\(commentLimit) characters); `--format json` has every door, `--format pairs` every pair._")
        }
        lines += acceptedRisks(report, names: names)
        // Fixes are cut only when doors are: the same share of the comment's room.
        lines += fixes(report, rows: rows < report.doors.count ? rows : report.fixes.count)
        if !report.assumptions.isEmpty {
            lines.append("")
            lines.append("<details><summary>Assumptions</summary>")
            lines.append("")
            lines += report.assumptions.map { "- " + Escape.markdown($0) }
            lines.append("")
            lines.append("</details>")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ door: ReportDoor, names: DisplayNames) -> String {
        var severity = door.severity.rawValue + (door.state == .conditional ? " (conditional)" : "")
        if door.top.first?.crownJewel != nil { severity += " (crown jewel)" }
        if door.expiredAcceptance != nil { severity += " (acceptance expired)" }
        let line = door.region.map { ":\($0.startLine)" } ?? ""
        let diagram = door.diagram.map { "<br>diagram: `" + Escape.markdownCode($0) + "`" } ?? ""
        let place = Escape.markdown(names.role(door.role)) + " #\(door.statement)<br>" + Escape.markdown(door.file) + line + diagram
        let entries = door.entries.map { entry in
            var text = Escape.markdown(names.entry(Entry(kind: entry.kind, id: entry.id, name: entry.name)))
            if !entry.lacks.isEmpty { text += " (lacks " + entry.lacks.map { "`\(Escape.markdownCode($0))`" }.joined(separator: ", ") + ")" }
            if !entry.alsoPassing.isEmpty { text += ", and \(entry.alsoPassing.count) outside account(s)" }
            if entry.note != nil { text += " — known vendor without sts:ExternalId: the confused deputy" }
            return text
        }.joined(separator: "<br>")
        let behind = Escape.markdown(DoorText.behind(door))
            + (door.top.first.map { "<br>worst: " + Escape.markdown(DoorText.path($0, door: door, names: names)) } ?? "")
        return "| \(severity) | \(place) | \(entries) | \(behind) | \(door.fix.map { Escape.markdown($0.summary) } ?? "") |"
    }

    static func coverage(_ report: Report) -> [String] {
        let lines = CoverageText.render(report, style: TextStyle(enabled: false))
        guard !lines.isEmpty else { return [] }
        return [""] + lines.map { "> **" + Escape.markdown($0) + "**" }
    }

    static func criticalPaths(_ report: Report, names: DisplayNames) -> [String] {
        let critical = report.findings.filter { $0.severity == .critical }
        guard !critical.isEmpty else { return [] }
        var lines = ["", "### Critical paths", ""]
        let diagram = MermaidDiagram.render(critical, names: names, limit: diagramLimit)
        lines += diagram.text
        if diagram.leftOut > 0 {
            lines.append("")
            lines.append("_\(diagram.leftOut) more critical path(s) not drawn; the tables below list them._")
        }
        return lines
    }

    static func acceptedRisks(_ report: Report, names: DisplayNames) -> [String] {
        guard !report.suppressed.isEmpty else { return [] }
        var lines = ["", "<details><summary>Accepted risks: \(report.suppressed.count) pair(s) hidden</summary>", "",
                     "| Severity | Path | Accepted until | Reason |", "| --- | --- | --- | --- |"]
        lines += report.suppressed.map { hidden in
            "| \(hidden.finding.severity.rawValue) | \(Escape.markdown(names.path(hidden.finding))) | \(Escape.markdown(hidden.expires)) | "
                + "\(Escape.markdown(hidden.reason)) |"
        }
        return lines + ["", "</details>"]
    }

    static func fixes(_ report: Report, rows: Int) -> [String] {
        var lines: [String] = []
        if !report.chokePoints.isEmpty {
            lines.append("")
            lines.append("### Choke points: \(report.chokePoints.count) fix(es) remove every \(report.chokePointSeverity.rawValue) pair")
            lines.append("")
            lines += report.chokePoints.prefix(RemediationText.chokePointsInFull).map { "- " + Escape.markdown($0.summary) }
            if report.chokePoints.count > RemediationText.chokePointsInFull {
                lines.append("- … and \(report.chokePoints.count - RemediationText.chokePointsInFull) more (all of them in the JSON report, `chokePoints`)")
            }
        }
        guard !report.fixes.isEmpty else { return lines }
        lines.append("")
        lines.append("<details><summary>All fixes, ranked</summary>")
        lines.append("")
        lines.append("| Removes | Fix |")
        lines.append("| --- | --- |")
        for ranked in report.fixes.prefix(rows) {
            let counts = Severity.allCases.compactMap { severity in ranked.removes[severity.rawValue].map { "\($0) \(severity.rawValue)" } }
            lines.append("| \(counts.joined(separator: ", ")) | \(Escape.markdown(ranked.fix.summary)) |")
        }
        if report.fixes.count > rows { lines.append("\n_\(report.fixes.count - rows) lower-ranked fix(es) left out._") }
        lines.append("")
        lines.append("</details>")
        return lines
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
            let place = diagnostic.location.map { "`" + Escape.markdownCode($0.file) + "` at `" + Escape.markdownCode($0.jsonPath) + "`: " } ?? ""
            lines.append("- **\(diagnostic.severity.rawValue)** \(place)\(Escape.markdown(diagnostic.message))"
                + (diagnostic.hint.map { " (" + Escape.markdown($0) + ")" } ?? ""))
        }
        if problems.count > inputProblemLimit {
            lines.append("- and \(problems.count - inputProblemLimit) more (run `trustpath summary` for all)")
        }
        return lines
    }
}
