import TrustPathAnalysis
import TrustPathEscaping
import TrustPathRemediation

/// The "what to change first" part of the text report: choke points, then fixes ranked by what they remove.
enum RemediationText {
    static func render(_ report: Report, style: TextStyle, limit: Int = 10) -> [String] {
        var lines: [String] = []
        let threshold = report.chokePointSeverity.rawValue
        if !report.chokePoints.isEmpty || !report.uncuttableTargets.isEmpty {
            lines.append("")
            lines.append(style.bold("Choke points: \(report.chokePoints.count) fix(es) remove every \(threshold) pair"))
            for fix in report.chokePoints { lines.append("  - " + Escape.terminal(fix.summary)) }
            if !report.uncuttableTargets.isEmpty {
                lines.append("  Not removable by trust-policy fixes: " + report.uncuttableTargets.map(Escape.terminal).joined(separator: ", "))
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
