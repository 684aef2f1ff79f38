import TrustPathAnalysis
import TrustPathReport

/// The diff as one self-contained HTML page: counts by severity, then the doors (trust statements where chains
/// enter) whose pairs appeared, went away or changed. Pairs are counted, not listed: the JSON diff has each one.
public enum DiffHTMLReporter {
    /// Doors listed; the rest are counted.
    public static let doorsListed = 200

    /// `diagram` is the diff diagram as Graphviz SVG, checked before it is inlined.
    public static func render(_ diff: SnapshotDiff, diagram: String? = nil) -> String {
        let names = diff.displayNames
        let summary = diff.summary
        var body = ["<h1>TrustPath diff</h1>",
                    "<p><code>\(HTML.text(diff.before.name))</code> → <code>\(HTML.text(diff.after.name))</code></p>"]
        body.append("<div class=\"cards\">" + [("new pairs", summary.new), ("resolved pairs", summary.resolved),
                                                ("changed pairs", summary.changed), ("worse", summary.worsened)].map {
            "<div class=\"card\"><b>\($0.1)</b>\(HTML.text($0.0))</div>"
        }.joined() + "</div>")
        body.append(HTML.table(["Severity", "Before", "After", "New", "Resolved"], numeric: [1, 2, 3, 4],
                               rows: Severity.allCases.map { severity in
            let key = severity.rawValue
            return [HTML.severity(key), "\(summary.before[key] ?? 0)", "\(summary.after[key] ?? 0)",
                    "\(summary.newBySeverity[key] ?? 0)", "\(summary.resolvedBySeverity[key] ?? 0)"]
        }))
        if summary.recreatedTargets > 0 {
            body.append("<p><b>\(summary.recreatedTargets) target role\(summary.recreatedTargets == 1 ? " was" : "s were") "
                + "deleted and recreated under the same name:</b> review them as new roles.</p>")
        }
        body.append("<h2 id=\"doors\">Doors that changed</h2>")
        let doors = DiffDoor.group(diff)
        if doors.isEmpty {
            body.append("<p>No pair appeared, went away or changed.</p>")
        } else {
            let shown = doors.prefix(doorsListed)
            body.append(HTML.table(["Worst", "Door", "Who passes", "New", "Resolved", "Changed"], numeric: [3, 4, 5],
                                   rows: shown.map { door in
                [HTML.severity(door.worst.rawValue),
                 "<span title=\"\(HTML.text(door.role))\">\(HTML.text(names.role(door.role)))</span>, statement \(door.statement)",
                 door.entries.map { HTML.text(names.entry($0)) }.joined(separator: "<br>"),
                 counts(door.new), counts(door.resolved), "\(door.changed)"]
            }))
            if doors.count > shown.count {
                body.append("<p class=\"muted\">… and \(doors.count - shown.count) more doors in the JSON diff.</p>")
            }
        }
        if let diagram, let fragment = HTML.embeddableSVG(diagram) {
            body.append("<h2>Diagram</h2><p>New chains red, resolved green.</p>")
            body.append("<div class=\"diagram\">\(fragment.markup)</div>")
        }
        body.append("<footer>Made by trustpath \(HTML.text(diff.tool.version)). Each pair is in "
            + "<code>trustpath diff --format json</code>.</footer>")
        return HTML.page(title: "TrustPath diff: \(diff.before.name) → \(diff.after.name)", body: body)
    }

    private static func counts(_ bySeverity: [Severity: Int]) -> String {
        let total = bySeverity.values.reduce(0, +)
        guard total > 0 else { return "0" }
        return "\(total) <span class=\"muted\">(" + Severity.allCases.compactMap { severity in
            bySeverity[severity].map { "\($0) \(severity.rawValue)" }
        }.joined(separator: ", ") + ")</span>"
    }
}

/// The pairs of a diff gathered by the statement where their chain enters: the door as far as a diff can tell
/// (a diff of saved reports has findings, not necessarily doors).
struct DiffDoor {
    var role: String
    var statement: Int
    var entries: [Entry]
    var new: [Severity: Int] = [:]
    var resolved: [Severity: Int] = [:]
    var changed = 0
    var worst = Severity.low

    static func group(_ diff: SnapshotDiff) -> [DiffDoor] {
        var doors: [String: DiffDoor] = [:]
        func add(_ finding: Finding, _ update: (inout DiffDoor) -> Void) {
            let role = finding.hops.first?.to ?? finding.target
            let statement = finding.hops.first?.statement?.index ?? 0
            let key = "\(role)#\(statement)"
            var door = doors[key] ?? DiffDoor(role: role, statement: statement, entries: [])
            if !door.entries.contains(finding.entry) { door.entries.append(finding.entry) }
            door.worst = min(door.worst, finding.severity)
            update(&door)
            doors[key] = door
        }
        for finding in diff.new { add(finding) { $0.new[finding.severity, default: 0] += 1 } }
        for finding in diff.resolved { add(finding) { $0.resolved[finding.severity, default: 0] += 1 } }
        let changed = Set(diff.changes.map(\.id))
        for finding in diff.unchanged where changed.contains(finding.id) { add(finding) { $0.changed += 1 } }
        return doors.values.map { door in
            var door = door
            door.entries.sort()
            return door
        }.sorted { ($0.worst.rank, $0.role, $0.statement) < ($1.worst.rank, $1.role, $1.statement) }
    }
}
