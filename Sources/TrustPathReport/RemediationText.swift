import TrustPathAnalysis
import TrustPathEscaping
import TrustPathRemediation

/// The "what to change first" part of the text report: choke points, then fixes ranked by what they remove.
enum RemediationText {
    /// How many choke points (and targets no fix can cut off) the text report lists before counting the rest.
    static let chokePointsInFull = 20

    static func render(_ report: Report, style: TextStyle, limit: Int = 10) -> [String] {
        var lines: [String] = []
        let threshold = report.chokePointSeverity.rawValue
        if !report.chokePoints.isEmpty || !report.uncuttableTargets.isEmpty {
            lines.append("")
            lines.append(style.bold("Choke points: \(report.chokePoints.count) fix(es) remove every \(threshold) pair"))
            // Every one is needed, but a large organization has hundreds: the first ones in full, the rest counted.
            for fix in report.chokePoints.prefix(chokePointsInFull) { lines.append("  - " + Escape.terminal(fix.summary)) }
            if report.chokePoints.count > chokePointsInFull {
                lines.append("  … and \(report.chokePoints.count - chokePointsInFull) more (all of them: --format json, `chokePoints`)")
            }
            if !report.uncuttableTargets.isEmpty {
                let shown = report.uncuttableTargets.prefix(chokePointsInFull).map(Escape.terminal).joined(separator: ", ")
                let more = report.uncuttableTargets.count - min(report.uncuttableTargets.count, chokePointsInFull)
                lines.append("  Not removable by trust-policy fixes: " + shown + (more > 0 ? " … and \(more) more" : ""))
            }
        }
        if !report.fixes.isEmpty {
            lines.append("")
            lines.append(style.bold("Fixes ranked by what they remove") + (report.fixes.count > limit ? " (top \(limit) of \(report.fixes.count))" : ""))
            for ranked in report.fixes.prefix(limit) {
                let counts = Severity.allCases.compactMap { severity in
                    ranked.removes[severity.rawValue].map { "\($0) \(severity.rawValue)" }
                }
                lines.append("  [\(counts.isEmpty ? "removes nothing alone" : "removes " + counts.joined(separator: ", "))] "
                    + Escape.terminal(ranked.fix.summary))
            }
        }
        return lines
    }
}
