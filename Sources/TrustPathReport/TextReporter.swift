import TrustPathAnalysis
import TrustPathEscaping
import TrustPathModel

/// The report for people in a terminal: a summary first, then findings by severity, each path drawn
/// `entry → role → role` with what every hop lacks.
public enum TextReporter {
    /// Doors shown in full, then one line each, before the rest are only counted: a report stays readable at any size.
    public static let doorsInFull = 15
    public static let doorsInBrief = 50

    public static func render(_ report: Report, options: RenderOptions = RenderOptions()) -> String {
        let names = DisplayNames(report)
        let style = TextStyle(enabled: options.color)
        var lines: [String] = []
        let summary = report.summary
        lines.append(style.bold("TrustPath report: \(Escape.terminal(report.snapshot.directory))"))
        lines += CoverageText.render(report, style: style)
        lines.append("\(summary.doors) door(s): " + Severity.allCases.map {
            style.severity($0, "\(summary.doorsBySeverity[$0.rawValue] ?? 0) \($0.rawValue)")
        }.joined(separator: ", ") + " — the trust statements through which chains enter")
        lines.append("\(summary.findings) reachable (entry, role) pair(s): " + Severity.allCases.map {
            "\(summary.bySeverity[$0.rawValue] ?? 0) \($0.rawValue)"
        }.joined(separator: ", ")
            + " — \(summary.byCategory["cross-account"] ?? 0) cross-account, \(summary.byCategory["cross-service"] ?? 0) cross-service"
            + (summary.conditional > 0 ? ", \(summary.conditional) conditional" : ""))
        if summary.suppressed > 0 || summary.expiredAcceptances > 0 || summary.crownJewels > 0 {
            lines.append("Project file: \(summary.crownJewels) pair(s) raised as crown jewels, \(summary.suppressed) hidden by accepted risks "
                + "(listed at the end), \(summary.expiredAcceptances) whose acceptance expired")
        }
        lines.append("Accounts analyzed: \(report.snapshot.analyzedAccounts.count); trusted accounts: \(report.snapshot.trustedAccounts)")
        for provider in report.ownIdentityProviders {
            let account = ARN(provider.provider).map { " in " + names.account($0.account) } ?? ""
            lines.append("Own identity provider (not an entry): " + Escape.terminal(FederatedNames.short(provider.provider) + account)
                + " — trusted by \(provider.roles.count) role(s): " + Escape.terminal(DoorText.abbreviated(provider.roles.map(names.role), limit: 3)))
        }
        for category in [FindingCategory.crossAccount, .crossService] {
            let doors = report.doors.filter { $0.category == category }
            guard !doors.isEmpty else { continue }
            lines.append("")
            lines.append(style.bold(category == .crossAccount
                ? "Cross-account and federation doors"
                : "Cross-service doors (services without aws:SourceArn/aws:SourceAccount; ranked after the others)"))
            for (position, door) in doors.prefix(doorsInFull).enumerated() {
                lines.append("")
                lines += DoorText.full(door, rank: position + 1, names: names, style: style)
            }
            let brief = doors.dropFirst(doorsInFull).prefix(doorsInBrief)
            if !brief.isEmpty {
                lines.append("")
                for (offset, door) in brief.enumerated() {
                    lines.append(DoorText.brief(door, rank: doorsInFull + offset + 1, names: names))
                }
            }
            let rest = doors.count - doorsInFull - brief.count
            if rest > 0 { lines.append("  … and \(rest) more door(s): every door is in --format json, every pair in --format pairs") }
        }
        if report.doors.isEmpty { lines += ["", "No outside entry can reach any role."] }
        if let evidence = report.evidence {
            lines.append("")
            lines.append(style.bold("CloudTrail: \(evidence.statistics.files) file(s), \(evidence.statistics.assumptions) role assumption(s) read; "
                + "\(report.doors.filter { $0.observed != nil }.count) door(s) seen used"))
            if !evidence.unexplained.isEmpty {
                lines.append(style.warn("Used, but no door admits it (\(evidence.unexplained.count)): the snapshot is stale or the model has a hole"))
                for use in evidence.unexplained.prefix(doorsInBrief) {
                    lines.append("  " + Escape.terminal(use.caller.id) + " → " + Escape.terminal(names.role(use.role)) + ": "
                        + Escape.terminal(use.observation.usedBy(use.caller.id)))
                }
            }
        }
        lines += RemediationText.render(report, style: style)
        if !report.suppressed.isEmpty {
            lines.append("")
            lines.append(style.bold("Accepted risks (\(report.suppressed.count) pair(s) hidden)"))
            for hidden in report.suppressed.prefix(doorsInBrief) {
                lines.append("  \(hidden.finding.severity.rawValue): " + Escape.terminal(names.path(hidden.finding)))
                lines.append("    accepted until \(Escape.terminal(hidden.expires)): \(Escape.terminal(hidden.reason))")
            }
            if report.suppressed.count > doorsInBrief { lines.append("  … and \(report.suppressed.count - doorsInBrief) more") }
        }
        if !report.assumptions.isEmpty {
            lines.append("")
            lines.append(style.bold("Assumptions"))
            lines += report.assumptions.map { "  - " + Escape.terminal($0) }
        }
        let problems = report.diagnostics.filter { $0.severity != .note }
        if !problems.isEmpty {
            lines.append("")
            lines.append(style.bold("Input problems (\(problems.count))"))
            lines += problems.prefix(doorsInBrief).map { "  " + DiagnosticText.render($0) }
            if problems.count > doorsInBrief { lines.append("  … and \(problems.count - doorsInBrief) more: see --format json") }
        }
        return lines.joined(separator: "\n") + "\n"
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
