import TrustPathAnalysis

/// The doors: the trust statements through which chains enter, worst first. The first ``HTMLLimits/doorsInFull``
/// in full, the next ``HTMLLimits/doorsListed`` one line each, the rest counted.
enum HTMLDoors {
    static func section(_ report: Report, names: DisplayNames, diagrams: [String: String]) -> [String] {
        var lines = ["<h2 id=\"doors\">Doors</h2>"]
        guard !report.doors.isEmpty else {
            let pairs = report.summary.findings
            lines.append(pairs == 0 ? "<p>No door: no trust statement lets anyone outside the organization into a role.</p>"
                : "<p>This report holds no doors, yet it counts \(pairs) pair\(pairs == 1 ? "" : "s") (entry, role): it was "
                    + "made before pairs were grouped into doors. The pairs are in the JSON and SARIF output.</p>")
            return lines
        }
        lines.append("<p>A door is a trust statement through which chains from outside enter the organization. "
            + "Closing a door removes every chain through it.</p>")
        let full = report.doors.prefix(HTMLLimits.doorsInFull)
        for (index, door) in full.enumerated() {
            lines.append(section(door, number: index + 1, names: names, diagram: diagrams[door.id]))
        }
        let listed = report.doors.dropFirst(full.count).prefix(HTMLLimits.doorsListed)
        if !listed.isEmpty {
            lines.append("<h3>More doors</h3>")
            lines.append(HTML.table(["Severity", "Door", "Entries", "Roles behind"], numeric: [2, 3], rows: listed.map { door in
                [HTML.severity(door.severity.rawValue), doorName(door, names: names), "\(door.entries.count)",
                 "\(door.behind.values.reduce(0, +))"]
            }))
        }
        lines.append(HTMLCoverage.more(report.doors.count, shown: full.count + listed.count, what: "doors",
                                       where: "the JSON output"))
        return lines
    }

    static func doorName(_ door: ReportDoor, names: DisplayNames) -> String {
        let sid = door.sid.map { " “\(HTML.text($0))”" } ?? ""
        return "<span title=\"\(HTML.text(door.role))\">\(HTML.text(names.role(door.role)))</span>, "
            + "statement \(door.statement)\(sid)"
    }

    private static func section(_ door: ReportDoor, number: Int, names: DisplayNames, diagram: String?) -> String {
        var lines = ["<section class=\"door \(door.severity.rawValue)\" id=\"door-\(number)\">",
                     "<h3>\(number). \(HTML.severity(door.severity.rawValue)) \(doorName(door, names: names))</h3>"]
        lines.append("<p>\(HTML.text(door.state.rawValue)) · \(HTML.text(door.category.rawValue)) · "
            + "\(HTML.text(door.severityReason))</p>")
        var place = "<code>\(HTML.text(door.role))</code> in <code>\(HTML.text(door.file))</code>"
        if let region = door.region { place += " line \(region.startLine)" }
        if let lastUsed = door.lastUsed {
            place += " · role last used \(HTML.text(lastUsed.date))" + (lastUsed.region.map { " in \(HTML.text($0))" } ?? "")
        }
        lines.append("<p class=\"muted\">\(place)</p>")
        lines.append(HTML.table(["Who passes", "How", "Lacks", "Rests on"], rows: door.entries.map { entryRow($0, names: names) }))
        lines.append("<p><b>Behind it:</b> \(behind(door.behind))</p>")
        if !door.top.isEmpty {
            lines.append(HTML.table(["Severity", "Worst targets", "Why", "Shortest chain"], rows: door.top.map { target in
                [HTML.severity(target.severity.rawValue) + (target.state == .conditional ? " <span class=\"muted\">conditional</span>" : ""),
                 "<span title=\"\(HTML.text(target.target))\">\(HTML.text(names.role(target.target)))</span>",
                 HTML.text(target.severityReason), chain(target.path, entries: door.entries, names: names)]
            }))
        }
        if let fix = door.fix {
            lines.append(HTMLRemediation.fixBox(fix, title: "Close it"))
        } else {
            lines.append("<p class=\"muted\">No trust-policy change can be proposed for this door; review it by hand.</p>")
        }
        if let diagram { lines.append(HTMLReporter.diagram(diagram)) }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    private static func entryRow(_ entry: DoorEntry, names: DisplayNames) -> [String] {
        var who = HTML.text(names.entry(Entry(kind: entry.kind, id: entry.id, name: entry.name)))
        if !entry.alsoPassing.isEmpty {
            let shown = entry.alsoPassing.prefix(HTMLLimits.alsoPassingListed).map { "<code>\(HTML.text(names.account($0)))</code>" }
            let rest = entry.alsoPassing.count - shown.count
            who += "<br><span class=\"muted\">also \(entry.alsoPassing.count) outside account"
                + "\(entry.alsoPassing.count == 1 ? "" : "s"): </span>" + shown.joined(separator: ", ")
                + (rest > 0 ? " and \(rest) more" : "")
        }
        if let note = entry.note { who += "<br><b>\(HTML.text(note))</b>" }
        return [who, HTML.text(entry.state.rawValue), codes(entry.lacks), codes(entry.restsOn)]
    }

    private static func codes(_ values: [String]) -> String {
        values.map { "<code>\(HTML.text($0))</code>" }.joined(separator: ", ")
    }

    /// `3 critical, 1 high roles`, worst first, zero counts left out.
    static func behind(_ counts: [String: Int]) -> String {
        let parts = Severity.allCases.compactMap { severity in
            (counts[severity.rawValue] ?? 0) > 0 ? "\(counts[severity.rawValue] ?? 0) \(severity.rawValue)" : nil
        }
        let total = counts.values.reduce(0, +)
        return parts.isEmpty ? "no role" : parts.joined(separator: ", ") + " — \(total) role\(total == 1 ? "" : "s")"
    }

    /// The path as a numbered list: the entry, then each role.
    private static func chain(_ path: [String], entries: [DoorEntry], names: DisplayNames) -> String {
        guard let first = path.first else { return "" }
        let entry = entries.first { $0.id == first }.map { names.entry(Entry(kind: $0.kind, id: $0.id, name: $0.name)) } ?? first
        let steps = [HTML.text(entry)] + path.dropFirst().map { "<span title=\"\(HTML.text($0))\">\(HTML.text(names.role($0)))</span>" }
        return "<ol class=\"path\">" + steps.map { "<li>\($0)</li>" }.joined() + "</ol>"
    }
}
