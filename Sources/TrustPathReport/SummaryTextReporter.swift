import TrustPathAnalysis
import TrustPathEscaping
import TrustPathModel

/// `trustpath summary` for people.
public enum SummaryTextReporter {
    public static func render(_ summary: SnapshotSummary) -> String {
        var lines: [String] = []
        lines.append("Snapshot \(Escape.terminal(summary.directory))")
        lines.append("  organization:        \(summary.organizationID.map(Escape.terminal) ?? "none (the analyzed accounts are the trusted set)")")
        lines.append("  accounts analyzed:   \(summary.analyzedAccounts.count)  \(list(summary.analyzedAccounts))")
        lines.append("  members without data: \(summary.membersWithoutData.count)  \(list(summary.membersWithoutData))")
        lines.append("  external referenced: \(summary.externalAccounts.count)  \(list(summary.externalAccounts))")
        lines.append("  users \(summary.users), groups \(summary.groups), roles \(summary.roles), policies \(summary.policies)")
        lines.append("  trust statements \(summary.trustStatements), SCPs/RCPs \(summary.organizationPolicies)")
        lines.append("")
        lines.append("Files (\(summary.files.count))")
        for file in summary.files {
            lines.append("  \(Escape.terminal(file.path)): \(file.kind.rawValue): \(Escape.terminal(file.detail))")
        }
        let counts = Diagnostic.Severity.allCases.reversed().map { "\(summary.diagnosticCounts[$0.rawValue] ?? 0) \($0.rawValue)s" }
        lines.append("")
        lines.append("Diagnostics: \(counts.joined(separator: ", "))")
        for diagnostic in summary.diagnostics where diagnostic.severity != .note {
            lines.append("  " + DiagnosticText.render(diagnostic))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ accounts: [String]) -> String {
        guard !accounts.isEmpty else { return "" }
        let shown = accounts.prefix(8).joined(separator: ", ")
        return "(" + shown + (accounts.count > 8 ? ", …" : "") + ")"
    }
}

/// One diagnostic as a line: `severity: file at path: message (hint)`.
public enum DiagnosticText {
    public static func render(_ diagnostic: Diagnostic) -> String {
        var text = "\(diagnostic.severity.rawValue): "
        if let location = diagnostic.location { text += Escape.terminal(location.description) + ": " }
        text += Escape.terminal(diagnostic.message)
        if let hint = diagnostic.hint { text += " (\(Escape.terminal(hint)))" }
        return text
    }
}
