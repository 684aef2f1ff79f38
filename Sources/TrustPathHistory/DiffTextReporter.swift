import TrustPathAnalysis
import TrustPathReport

/// The diff for people in a terminal: counts first, then new, resolved and changed findings.
public enum DiffTextReporter {
    public static func render(_ diff: SnapshotDiff) -> String {
        let names = diff.displayNames
        let summary = diff.summary
        var lines = ["TrustPath diff: \(terminalSafe(diff.before.name)) → \(terminalSafe(diff.after.name))"]
        lines.append("Findings: \(diff.before.findings) before (\(DiffWording.counts(summary.before))), "
            + "\(diff.after.findings) after (\(DiffWording.counts(summary.after)))")
        lines.append("\(summary.new) new, \(summary.resolved) resolved, \(summary.unchanged) unchanged"
            + " (\(summary.changed) changed: \(summary.worsened) worse, \(summary.improved) better, "
            + "\(summary.recreatedTargets) target role(s) recreated)")
        section("NEW", diff.new, names: names, into: &lines)
        section("RESOLVED", diff.resolved, names: names, into: &lines)
        let changed = diff.unchanged.compactMap { finding in diff.change(for: finding.id).map { (finding, $0) } }
        if !changed.isEmpty {
            lines += ["", "CHANGED (\(changed.count))"]
            for (finding, change) in changed {
                lines.append("  " + headline(finding, names: names))
                lines += DiffWording.lines(change, names: names, entry: finding.entry, quote: terminalSafe).map { "    " + $0 }
            }
        }
        if summary.new == 0, summary.resolved == 0, summary.changed == 0 {
            lines += ["", "No differences in findings."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func section(_ title: String, _ findings: [Finding], names: DisplayNames, into lines: inout [String]) {
        guard !findings.isEmpty else { return }
        lines += ["", "\(title) (\(findings.count))"]
        for finding in findings {
            lines.append("  " + headline(finding, names: names))
            let lacks = Set(finding.hops.flatMap(\.guardsMissing)).sorted()
            if !lacks.isEmpty { lines.append("    lacks " + terminalSafe(lacks.joined(separator: ", "))) }
        }
    }

    private static func headline(_ finding: Finding, names: DisplayNames) -> String {
        "[\(finding.severity.rawValue)] " + terminalSafe(names.path(finding))
            + (finding.state == .conditional ? "  [conditional]" : "")
    }
}
