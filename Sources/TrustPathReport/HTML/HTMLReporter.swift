import TrustPathAnalysis

/// How much of a large report the page shows in full; the rest is counted, never dropped silently. At 1,000
/// accounts a report can hold thousands of doors and files; the page stays a few megabytes at most.
public enum HTMLLimits {
    /// Doors drawn as a full section (entries, what lies behind, top targets, fix, diagram).
    public static let doorsInFull = 40
    /// Of those, the doors that get a diagram (the CLI renders only these).
    public static let doorsWithDiagram = 15
    /// Further doors listed one line each.
    public static let doorsListed = 400
    /// Outside accounts named under a public entry.
    public static let alsoPassingListed = 20
    public static let fixesListed = 25
    /// Choke points shown as a full change (conditions, placeholders); the next ones one line each.
    public static let chokePointsInFull = 25
    public static let chokePointsListed = 300
    public static let diagnosticsListed = 200
    public static let filesListed = 200
}

/// The report as one self-contained HTML page for people who do not read terminals: coverage, summary, the
/// doors with what lies behind them and how to close them, the choke points, the fixes, diagrams and the trend.
/// Pairs (entry, role) are counted only; they stay in the JSON and SARIF output for machines.
public enum HTMLReporter {
    /// The key of the overview diagram in `diagrams`; doors use their id.
    public static let overviewDiagram = "overview"

    /// Renders the page. `diagrams` holds Graphviz SVG by door id (and ``overviewDiagram``); each is checked by
    /// ``HTML/embeddableSVG(_:)`` and left out with a note when it fails. `trend` is the history section.
    public static func render(_ report: Report, diagrams: [String: String] = [:], trend: HTMLFragment? = nil) -> String {
        let names = DisplayNames(report)
        var body = header(report)
        body.append(navigation(trend: trend != nil))
        // What the analysis could not see opens the page, as it opens every report.
        body += HTMLCoverage.section(report)
        body += summary(report)
        body += HTMLDoors.section(report, names: names, diagrams: diagrams)
        body += HTMLRemediation.chokePoints(report, names: names)
        body += HTMLRemediation.fixes(report, names: names)
        if let overview = diagrams[overviewDiagram] {
            body.append("<h2 id=\"overview\">Overview diagram</h2>")
            body.append(diagram(overview))
        }
        if let trend { body.append(trend.markup) }
        body.append("<footer>Made by \(HTML.text(report.tool.name)) \(HTML.text(report.tool.version)), report schema "
            + "\(report.schemaVersion). Each (entry, role) pair is in the JSON and SARIF output.</footer>")
        return HTML.page(title: "TrustPath report: \(report.snapshot.directory)", body: body)
    }

    /// A diagram box, or a note when the SVG cannot be inlined safely.
    static func diagram(_ svg: String) -> String {
        guard let fragment = HTML.embeddableSVG(svg) else {
            return "<p class=\"muted\">The diagram was left out: it was not an SVG safe to inline.</p>"
        }
        return "<div class=\"diagram\">\(fragment.markup)</div>"
    }

    private static func header(_ report: Report) -> [String] {
        let snapshot = report.snapshot
        var scope = "\(snapshot.analyzedAccounts.count) analyzed account\(snapshot.analyzedAccounts.count == 1 ? "" : "s")"
        if let organization = snapshot.organizationID { scope += " of organization <code>\(HTML.text(organization))</code>" }
        scope += ", \(snapshot.trustedAccounts) trusted outside account\(snapshot.trustedAccounts == 1 ? "" : "s")"
        return ["<h1>TrustPath report</h1>",
                "<p class=\"muted\">Snapshot <code>\(HTML.text(snapshot.directory))</code>: \(scope).</p>"]
    }

    private static func navigation(trend: Bool) -> String {
        let links = [("coverage", "Coverage"), ("summary", "Summary"), ("doors", "Doors"), ("choke-points", "Choke points"),
                     ("fixes", "Fixes")] + (trend ? [("trend", "Trend")] : [])
        return "<nav>" + links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined() + "</nav>"
    }

    private static func summary(_ report: Report) -> [String] {
        let doors = Dictionary(grouping: report.doors, by: \.severity).mapValues(\.count)
        let summary = report.summary
        let doorCounts = Severity.allCases.map { "\(doors[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let pairCounts = Severity.allCases.map { "\(summary.bySeverity[$0.rawValue] ?? 0) \($0.rawValue)" }
            .joined(separator: ", ")
        let cards = [
            card(report.doors.count, "doors", doorCounts),
            card(doors[.critical] ?? 0, "critical doors", "trust statements leading to a critical role"),
            card(summary.findings, "pairs (entry, role)", pairCounts + "; \(summary.conditional) conditional"),
            card(report.chokePoints.count, "choke points", "fixes that remove every \(report.chokePointSeverity.rawValue) pair"),
            card(report.fixes.count, "proposed fixes", "ranked by what they remove"),
        ] + (summary.suppressed > 0 ? [card(summary.suppressed, "accepted", "pairs hidden by accepted risks")] : [])
        var lines = ["<h2 id=\"summary\">Summary</h2>", "<div class=\"cards\">" + cards.joined() + "</div>"]
        if summary.expiredAcceptances > 0 {
            lines.append("<p>\(summary.expiredAcceptances) accepted risk\(summary.expiredAcceptances == 1 ? " has" : "s have")"
                + " expired; those pairs are back in the counts.</p>")
        }
        return lines
    }

    private static func card(_ value: Int, _ label: String, _ detail: String) -> String {
        "<div class=\"card\"><b>\(value)</b>\(HTML.text(label))<br><span class=\"muted\">\(HTML.text(detail))</span></div>"
    }
}
