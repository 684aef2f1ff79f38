import TrustPathAnalysis
import TrustPathEscaping
import TrustPathReport

/// The diff for people in a terminal: counts first, then new, resolved and changed doors, then the pairs that changed.
public enum DiffTextReporter {
    /// Changed pairs shown with what changed; the rest are counted (`--format json` or `pairs` has them all).
    public static let pairLimit = 20

    public static func render(_ diff: SnapshotDiff) -> String {
        let names = diff.displayNames
        let summary = diff.summary
        var lines = ["TrustPath diff: \(Escape.terminal(diff.before.name)) → \(Escape.terminal(diff.after.name))"]
        let doors = diff.doors
        lines.append("Doors: \(doors.new.count) new, \(doors.resolved.count) resolved, \(doors.changed.count) changed, "
            + "\(doors.unchanged) unchanged")
        lines.append("Pairs: \(diff.before.findings) before (\(DiffWording.counts(summary.before))), "
            + "\(diff.after.findings) after (\(DiffWording.counts(summary.after))); "
            + "\(summary.new) new, \(summary.resolved) resolved, \(summary.unchanged) unchanged"
            + " (\(summary.changed) changed: \(summary.worsened) worse, \(summary.improved) better, "
            + "\(summary.recreatedTargets) target role(s) recreated)")
        doorSection("NEW DOORS", doors.new, names: names, into: &lines)
        doorSection("RESOLVED DOORS", doors.resolved, names: names, into: &lines)
        if !doors.changed.isEmpty {
            lines += ["", "CHANGED DOORS (\(doors.changed.count))"]
            for change in doors.changed {
                lines.append("  " + doorHeadline(change.door, names: names))
                if change.severityBefore != change.door.severity {
                    lines.append("    severity \(change.severityBefore.rawValue) → \(change.door.severity.rawValue)")
                }
                if change.behindBefore != change.door.behind {
                    lines.append("    behind it: \(change.behindBefore.values.reduce(0, +)) → \(change.door.behind.values.reduce(0, +)) role(s)")
                }
                if change.entriesBefore != change.door.entries.map(\.id).sorted() {
                    lines.append("    entries: " + Escape.terminal(change.entriesBefore.joined(separator: ", ")) + " → "
                        + Escape.terminal(change.door.entries.map(\.id).sorted().joined(separator: ", ")))
                }
            }
        }
        let changedPairs = diff.unchanged.compactMap { finding in diff.change(for: finding.id).map { (finding, $0) } }
        if !changedPairs.isEmpty {
            lines += ["", "PAIRS THAT CHANGED (\(changedPairs.count)" + (changedPairs.count > pairLimit ? ", the first \(pairLimit)" : "") + ")"]
            for (finding, change) in changedPairs.prefix(pairLimit) {
                lines.append("  [\(finding.severity.rawValue)] " + Escape.terminal(names.path(finding)))
                lines += DiffWording.lines(change, names: names, entry: finding.entry, quote: Escape.terminal).map { "    " + $0 }
            }
        }
        if doors.new.isEmpty, doors.resolved.isEmpty, doors.changed.isEmpty, summary.new == 0, summary.resolved == 0,
           summary.changed == 0 {
            lines += ["", "No differences in doors or pairs."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func doorSection(_ title: String, _ doors: [ReportDoor], names: DisplayNames, into lines: inout [String]) {
        guard !doors.isEmpty else { return }
        lines += ["", "\(title) (\(doors.count))"]
        for door in doors {
            lines.append("  " + doorHeadline(door, names: names))
            for entry in door.entries where !entry.lacks.isEmpty {
                lines.append("    " + Escape.terminal(entry.id) + " lacks " + Escape.terminal(entry.lacks.joined(separator: ", ")))
            }
        }
    }

    private static func doorHeadline(_ door: ReportDoor, names: DisplayNames) -> String {
        "[\(door.severity.rawValue)] " + Escape.terminal(names.role(door.role)) + " statement \(door.statement)"
            + " — " + Escape.terminal(door.entries.map(\.id).joined(separator: ", "))
            + "; \(door.behind.values.reduce(0, +)) role(s) behind" + (door.state == .conditional ? "  [conditional]" : "")
    }
}
