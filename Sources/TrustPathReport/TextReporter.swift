import TrustPathAnalysis
import TrustPathModel

/// The report for people in a terminal: a summary first, then findings by severity, each path drawn
/// `entry → role → role` with what every hop lacks.
public enum TextReporter {
    public static func render(_ report: Report, options: RenderOptions = RenderOptions()) -> String {
        let names = DisplayNames(report)
        let style = TextStyle(enabled: options.color)
        var lines: [String] = []
        let summary = report.summary
        lines.append(style.bold("TrustPath report: \(terminalSafe(report.snapshot.directory))"))
        lines.append("\(summary.findings) finding(s): " + Severity.allCases.map {
            style.severity($0, "\(summary.bySeverity[$0.rawValue] ?? 0) \($0.rawValue)")
        }.joined(separator: ", ")
            + " — \(summary.byCategory["cross-account"] ?? 0) cross-account, \(summary.byCategory["cross-service"] ?? 0) cross-service"
            + (summary.conditional > 0 ? ", \(summary.conditional) conditional" : ""))
        if summary.suppressed > 0 || summary.expiredAcceptances > 0 || summary.crownJewels > 0 {
            lines.append("Project file: \(summary.crownJewels) raised as crown jewels, \(summary.suppressed) hidden by accepted risks "
                + "(listed at the end), \(summary.expiredAcceptances) whose acceptance expired")
        }
        lines.append("Accounts analyzed: \(report.snapshot.analyzedAccounts.count); trusted accounts: \(report.snapshot.trustedAccounts)")
        for category in [FindingCategory.crossAccount, .crossService] {
            let findings = report.findings.filter { $0.category == category }
            guard !findings.isEmpty else { continue }
            lines.append("")
            lines.append(style.bold(category == .crossAccount
                ? "Cross-account and federation findings"
                : "Cross-service findings (services without aws:SourceArn/aws:SourceAccount; ranked after the others)"))
            for severity in Severity.allCases {
                let group = findings.filter { $0.severity == severity }
                guard !group.isEmpty else { continue }
                lines.append("")
                lines.append(style.severity(severity, severity.rawValue.uppercased()) + " (\(group.count))")
                lines += ParallelSlices.lines(group) { render($0, names: names, style: style) }
            }
        }
        if report.findings.isEmpty { lines += ["", "No outside entry can reach any role."] }
        lines += RemediationText.render(report, style: style)
        if !report.suppressed.isEmpty {
            lines.append("")
            lines.append(style.bold("Accepted risks (\(report.suppressed.count) finding(s) hidden)"))
            for hidden in report.suppressed {
                lines.append("  \(hidden.finding.severity.rawValue): " + terminalSafe(names.path(hidden.finding)))
                lines.append("    accepted until \(terminalSafe(hidden.expires)): \(terminalSafe(hidden.reason))")
            }
        }
        if !report.assumptions.isEmpty {
            lines.append("")
            lines.append(style.bold("Assumptions"))
            lines += report.assumptions.map { "  - " + $0 }
        }
        let problems = report.diagnostics.filter { $0.severity != .note }
        if !problems.isEmpty {
            lines.append("")
            lines.append(style.bold("Input problems (\(problems.count))"))
            lines += problems.map { "  " + DiagnosticText.render($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ finding: Finding, names: DisplayNames, style: TextStyle) -> [String] {
        var lines = ["  " + terminalSafe(names.path(finding))
            + (finding.state == .conditional ? style.dim("  [conditional]") : "")]
        lines.append("    target can: \(terminalSafe(finding.severityReason))")
        if let jewel = finding.crownJewel {
            lines.append(style.warn("    crown jewel (\(terminalSafe(jewel.rule))): raised from \(jewel.raisedFrom.rawValue)"))
        }
        if let expired = finding.expiredAcceptance {
            lines.append(style.warn("    accepted risk EXPIRED on \(terminalSafe(expired.expired)): \(terminalSafe(expired.reason))"))
        }
        if let note = finding.note { lines.append("    why it matters: " + terminalSafe(note)) }
        for hop in finding.hops {
            var text = "    hop to \(terminalSafe(names.role(hop.to)))"
            if let statement = hop.statement {
                text += ": \(terminalSafe(statement.file)) statement \(statement.index)"
                    + (statement.sid.map { " (\(terminalSafe($0)))" } ?? "")
            }
            if let principal = hop.matchedPrincipal { text += ", trusts \(terminalSafe(principal))" }
            if !hop.guardsMissing.isEmpty { text += style.warn("; lacks " + hop.guardsMissing.joined(separator: ", ")) }
            if !hop.weakGuards.isEmpty { text += style.warn("; weak: " + terminalSafe(hop.weakGuards.joined(separator: ", "))) }
            if !hop.restsOn.isEmpty { text += "; rests on " + terminalSafe(hop.restsOn.joined(separator: " and ")) }
            lines.append(text)
        }
        if let fix = finding.fix { lines.append("    fix: " + terminalSafe(fix.summary)) }
        if !finding.alternatives.isEmpty {
            lines.append("    \(finding.alternatives.count) other chain(s) of the same length")
        }
        return lines
    }
}

/// ANSI styling that does nothing when disabled.
struct TextStyle: Sendable {
    let enabled: Bool

    func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { wrap("1", text) }
    func dim(_ text: String) -> String { wrap("2", text) }
    func warn(_ text: String) -> String { wrap("33", text) }
    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .critical: wrap("1;31", text)
        case .high: wrap("31", text)
        case .medium: wrap("33", text)
        case .low: wrap("36", text)
        }
    }
}
