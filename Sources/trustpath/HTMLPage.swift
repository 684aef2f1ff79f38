import Foundation
import TrustPathAnalysis
import TrustPathEscaping
import TrustPathHistory
import TrustPathReport
import TrustPathRender
import TrustPathCompare

/// Puts the HTML pages together: the report modules write the page, Graphviz draws the diagrams, the history
/// draws the trend; only the front knows all three.
enum HTMLPage {
    /// `analyze --format html`: the overview and the first doors drawn, and the trend when a database is named.
    static func analyze(_ report: Report, database: String?) throws -> String {
        var diagrams: [String: String] = [:]
        var failures: [String] = []
        func draw(_ key: String, _ dot: String) {
            do {
                diagrams[key] = String(decoding: try GraphvizRenderer.shared.render(dot: dot, format: .svg), as: UTF8.self)
            } catch {
                failures.append(error.description)
            }
        }
        if !report.doors.isEmpty { draw(HTMLReporter.overviewDiagram, DiagramBuilder.overview(report)) }
        for door in report.doors.prefix(HTMLLimits.doorsWithDiagram) { draw(door.id, DiagramBuilder.door(door, in: report)) }
        if let first = failures.first {
            warn("the page has no diagram where Graphviz failed (\(failures.count)×): \(first)")
        }
        let trend = try database.map { path in
            let points = try HistoryCLI.run { () throws(HistoryError) in
                try HistoryStore(path: path, mode: .existingOnly).trend()
            }
            return TrendHTML.section(points, database: path)
        }
        return HTMLReporter.render(report, diagrams: diagrams, trend: trend)
    }

    /// `diff --format html`, with the diff diagram when Graphviz can draw it.
    static func diff(_ diff: SnapshotDiff) -> String {
        let svg: String?
        do {
            svg = String(decoding: try GraphvizRenderer.shared.render(dot: DiffDiagramBuilder.diagram(diff), format: .svg),
                         as: UTF8.self)
        } catch {
            warn("the page has no diagram: \(error.description)")
            svg = nil
        }
        return DiffHTMLReporter.render(diff, diagram: svg)
    }

    /// The page is still written without diagrams: the rest of it holds.
    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(Escape.terminal(message))\n".utf8))
    }
}
