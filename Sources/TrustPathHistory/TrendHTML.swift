import TrustPathAnalysis
import TrustPathReport

/// The trend as a section of an HTML page: doors and pairs by severity over the saved snapshots, two charts and
/// a table with the same numbers (the table is what a screen reader, or a copy into a spreadsheet, gets).
public enum TrendHTML {
    /// Snapshots listed in the table, newest kept; the charts draw every one.
    public static let rowsListed = 60

    public static func section(_ trend: [TrendPoint], database: String) -> HTMLFragment {
        var lines = ["<h2 id=\"trend\">Trend</h2>"]
        lines.append("<p>\(trend.count) saved snapshot\(trend.count == 1 ? "" : "s") in <code>\(HTML.text(database))</code>, "
            + "oldest first. Reports saved before doors were counted show no doors.</p>")
        let doors = trend.map { TrendChart.Column(label: $0.label, bySeverity: $0.doorsBySeverity) }
        let pairs = trend.map { TrendChart.Column(label: $0.label, bySeverity: $0.pairsBySeverity) }
        lines.append("<div class=\"diagram\">" + TrendChart.svg(title: "Doors by severity", unit: "doors", columns: doors) + "</div>")
        lines.append("<div class=\"diagram\">" + TrendChart.svg(title: "Pairs (entry, role) by severity", unit: "pairs",
                                                              columns: pairs) + "</div>")
        let shown = trend.suffix(rowsListed)
        let severities = Severity.allCases.map(\.rawValue)
        lines.append(HTML.table(["Snapshot", "Taken at", "Doors"] + severities + ["Pairs"] + severities,
                                numeric: Set(2..<(4 + 2 * severities.count)), rows: shown.map { point in
            ["#\(point.id) \(HTML.text(point.label))", HTML.text(HistoryDate.short(point.takenAt)), "\(point.doors)"]
                + severities.map { "\(point.doorsBySeverity[$0] ?? 0)" } + ["\(point.pairs)"]
                + severities.map { "\(point.pairsBySeverity[$0] ?? 0)" }
        }))
        if trend.count > shown.count {
            lines.append("<p class=\"muted\">The \(trend.count - shown.count) oldest snapshots are in the charts only.</p>")
        }
        return HTMLFragment(escapedMarkup: lines.joined(separator: "\n"))
    }
}

/// `trustpath history --format html`: the trend, and how many pairs were fixed and how fast (counts only).
public enum HistoryHTMLReporter {
    public static func render(_ history: History) -> String {
        var body = ["<h1>TrustPath history</h1>"]
        body.append(TrendHTML.section(history.trend, database: history.database).markup)
        body.append("<h2>Fixed and open</h2>")
        let median = history.medianDaysToFix.map { "; median time to fix \(HistoryWording.days($0)) (an upper bound)" } ?? ""
        body.append("<p>\(history.fixed.count) pair\(history.fixed.count == 1 ? "" : "s") fixed\(median). "
            + "\(history.open.count) still open in the latest snapshot"
            + "\(history.open.filter(\.reopened).count > 0 ? ", \(history.open.filter(\.reopened).count) of them back after a fix" : "")."
            + " Each pair is in <code>trustpath history --format json</code>.</p>")
        body.append("<footer>Made by trustpath \(HTML.text(history.tool.version)).</footer>")
        return HTML.page(title: "TrustPath history: \(history.database)", body: body)
    }
}
