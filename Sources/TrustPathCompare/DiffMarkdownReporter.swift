import Foundation
import TrustPathAnalysis
import TrustPathReport
import TrustPathEscaping

/// The diff sized for a pull-request comment.
public enum DiffMarkdownReporter {
    public static func render(_ diff: SnapshotDiff) -> String {
        let names = diff.displayNames
        let summary = diff.summary
        var lines = ["## TrustPath diff: \(summary.new) new, \(summary.resolved) resolved, \(summary.changed) changed", ""]
        lines.append("`\(Escape.markdownCode(diff.before.name))` → `\(Escape.markdownCode(diff.after.name))`")
        lines += ["", "| Severity | Before | After | New | Resolved |", "| --- | ---: | ---: | ---: | ---: |"]
        for severity in Severity.allCases.map(\.rawValue) {
            lines.append("| \(severity) | \(summary.before[severity] ?? 0) | \(summary.after[severity] ?? 0) | "
                + "\(summary.newBySeverity[severity] ?? 0) | \(summary.resolvedBySeverity[severity] ?? 0) |")
        }
        table("New", diff.new, names: names, into: &lines)
        table("Resolved", diff.resolved, names: names, into: &lines)
        let changed = diff.unchanged.compactMap { finding in diff.change(for: finding.id).map { (finding, $0) } }
        if !changed.isEmpty {
            lines += ["", "### Changed", "", "| Severity | Path | What changed |", "| --- | --- | --- |"]
            for (finding, change) in changed {
                let what = DiffWording.lines(change, names: names, entry: finding.entry, quote: Escape.markdown)
                lines.append("| \(finding.severity.rawValue) | \(Escape.markdown(names.path(finding))) | "
                    + what.joined(separator: "<br>") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ title: String, _ findings: [Finding], names: DisplayNames, into lines: inout [String]) {
        guard !findings.isEmpty else { return }
        lines += ["", "### \(title)", "", "| Severity | Path | Lacks |", "| --- | --- | --- |"]
        for finding in findings {
            let lacks = Set(finding.hops.flatMap(\.guardsMissing)).sorted().map { "`\(Escape.markdownCode($0))`" }.joined(separator: ", ")
            lines.append("| \(finding.severity.rawValue)\(finding.state == .conditional ? " (conditional)" : "") | "
                + "\(Escape.markdown(names.path(finding))) | \(lacks) |")
        }
    }
}
