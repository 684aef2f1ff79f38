import TrustPathAnalysis
import TrustPathEngine
import TrustPathEscaping
import TrustPathModel

/// One door in the text report: where it is, who passes it, what lies behind it, the worst paths, the fix.
enum DoorText {
    static func full(_ door: ReportDoor, rank: Int, names: DisplayNames, style: TextStyle) -> [String] {
        var lines = [style.severity(door.severity, door.severity.rawValue.uppercased()) + "  #\(rank) "
            + Escape.terminal(location(door, names: names))
            + (door.state == .conditional ? style.dim("  [conditional]") : "")]
        for entry in door.entries {
            var text = "    entry: " + Escape.terminal(names.entry(Entry(kind: entry.kind, id: entry.id, name: entry.name)))
            if !entry.lacks.isEmpty { text += style.warn(" — lacks " + Escape.terminal(entry.lacks.joined(separator: ", "))) }
            if !entry.restsOn.isEmpty { text += "; rests on " + Escape.terminal(entry.restsOn.joined(separator: " and ")) }
            lines.append(text)
            if !entry.alsoPassing.isEmpty {
                lines.append("      also passing: " + Escape.terminal(abbreviated(entry.alsoPassing.map(names.account), limit: 5)))
            }
            if let note = entry.note { lines.append("      why it matters: " + Escape.terminal(note)) }
        }
        if let expired = door.expiredAcceptance {
            lines.append(style.warn("    accepted risk EXPIRED on \(Escape.terminal(expired.expired)): \(Escape.terminal(expired.reason))"))
        }
        lines.append("    behind it: " + behind(door))
        for target in door.top.prefix(3) {
            lines.append("    " + style.severity(target.severity, target.severity.rawValue) + ": "
                + Escape.terminal(path(target, door: door, names: names))
                + " — can " + Escape.terminal(target.severityReason))
            if let jewel = target.crownJewel {
                lines.append(style.warn("      crown jewel (\(Escape.terminal(jewel.rule))): raised from \(jewel.raisedFrom.rawValue)"))
            }
        }
        if door.mayDelete {
            lines.append("    simplest fix: delete the role — the export records no use of it")
        }
        if let fix = door.fix { lines.append("    " + (door.mayDelete ? "or " : "") + "fix: " + Escape.terminal(fix.summary)) }
        if let set = door.permissionSet {
            lines.append("    fix: change the permission set " + Escape.terminal(set)
                + " in IAM Identity Center (it manages this role's trust; never edit it by hand)")
        }
        if let session = door.session { lines.append("    session: " + Escape.terminal(session.summary)) }
        lines.append("    " + lastUsed(door))
        if let seen = door.observed, let entry = door.observedEntry {
            lines.append("    " + Escape.terminal(seen.usedBy(entry)))
        }
        if let diagram = door.diagram { lines.append("    diagram: " + Escape.terminal(diagram)) }
        return lines
    }

    /// One line: for the doors past the ones shown in full.
    static func brief(_ door: ReportDoor, rank: Int, names: DisplayNames) -> String {
        "  #\(rank) \(door.severity.rawValue): " + Escape.terminal(location(door, names: names)) + " — "
            + Escape.terminal(door.entries.map(\.id).joined(separator: ", ")) + "; " + behind(door)
    }

    static func location(_ door: ReportDoor, names: DisplayNames) -> String {
        "\(names.role(door.role)) statement \(door.statement)" + (door.sid.map { " (\($0))" } ?? "")
            + " in \(door.file)" + (door.region.map { ":\($0.startLine)" } ?? "")
    }

    static func behind(_ door: ReportDoor) -> String {
        let total = door.behind.values.reduce(0, +)
        let counts = Severity.allCases.compactMap { severity in
            door.behind[severity.rawValue].flatMap { $0 > 0 ? "\($0) \(severity.rawValue)" : nil }
        }
        return "\(total) role(s)" + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")")
    }

    static func lastUsed(_ door: ReportDoor) -> String {
        guard let used = door.lastUsed else { return "no use recorded" }
        return "last used \(Escape.terminal(used.date))" + (used.region.map { " (\(Escape.terminal($0)))" } ?? "")
    }

    static func path(_ target: DoorTarget, door: ReportDoor, names: DisplayNames) -> String {
        let entry = door.entries.first { $0.id == target.path.first }
        let head = entry.map { names.entry(Entry(kind: $0.kind, id: $0.id, name: $0.name)) } ?? (target.path.first ?? "")
        return ([head] + target.path.dropFirst().map(names.role)).joined(separator: " → ")
    }

    static func abbreviated(_ items: [String], limit: Int) -> String {
        items.count <= limit ? items.joined(separator: ", ")
            : items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }
}
