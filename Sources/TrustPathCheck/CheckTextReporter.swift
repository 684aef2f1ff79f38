import TrustPathAnalysis
import TrustPathEscaping
import TrustPathReport

/// The check for people: per checked role and trust statement, who outside can assume it, what it lacks and the
/// fix; with a snapshot, what the change opens and closes, grouped by the door the chains come through.
public enum CheckTextReporter {
    /// The report as plain text; names from the input are shown with control characters escaped.
    public static func render(_ report: CheckReport) -> String {
        var lines = [CheckSummary.headline(report)]
        lines.append(report.accountGiven ? "Account: \(Escape.terminal(report.account))"
            : "Account: not given (checked in the stand-in account \(report.account); give --account for exact results)")
        if let snapshot = report.snapshot { lines.append("Snapshot: \(Escape.terminal(snapshot))") }
        for role in report.roles {
            lines.append("")
            lines.append("\(Escape.terminal(CheckSummary.place(file: role.file, line: role.line))) \(Escape.terminal(role.resource ?? role.name))"
                + (role.resource != nil && role.resource != role.name ? " (role \(Escape.terminal(role.name)))" : ""))
            for statement in role.statements {
                let label = "  statement \(statement.index)" + (statement.sid.map { " (\(Escape.terminal($0)))" } ?? "")
                    + (statement.line.map { ", line \($0)" } ?? "")
                let passing = report.findings.filter { $0.roleArn == role.arn && $0.statement == statement.index }
                guard !passing.isEmpty else {
                    lines.append(label + (statement.passedBy.isEmpty ? ": no outside entry can assume the role through it"
                        : ": no outside entry enters here, but chains from outside pass it: "
                            + statement.passedBy.map(Escape.terminal).joined(separator: "; ")))
                    continue
                }
                lines.append(label + ":")
                for finding in passing { lines += describe(finding) }
            }
        }
        if let opens = report.opens { lines += changes(opens, title: "Opens (compared with the snapshot alone)") }
        if let closes = report.closes { lines += changes(closes, title: "Closes") }
        if !report.notes.isEmpty {
            lines += ["", "Not resolved or assumed (\(report.notes.count))"]
            lines += report.notes.map { "  \(Escape.terminal(CheckSummary.place(file: $0.file, line: $0.line)))"
                + ($0.resource.map { " \(Escape.terminal($0))" } ?? "") + ": \(Escape.terminal($0.message))" }
        }
        if !report.diagnostics.isEmpty {
            lines += ["", "Input problems (\(report.diagnostics.count))"]
            lines += report.diagnostics.map { diagnostic in
                "  \(diagnostic.severity.rawValue): \(Escape.terminal(diagnostic.location?.description ?? "")): \(Escape.terminal(diagnostic.message))"
                    + (diagnostic.hint.map { " (\(Escape.terminal($0)))" } ?? "")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ finding: CheckFinding) -> [String] {
        var lines = ["    \(finding.severity.rawValue.uppercased()) \(Escape.terminal(finding.entry)) can assume it"
            + (finding.state == "conditional" ? " (conditional: rests on \(Escape.terminal(finding.restsOn.joined(separator: ", "))))" : "")]
        if !finding.lacks.isEmpty { lines.append("      lacks: \(Escape.terminal(finding.lacks.joined(separator: ", ")))") }
        lines.append("      reaches: " + finding.reaches.map { Escape.terminal(CheckSummary.roleName($0)) }.joined(separator: ", ")
            + " — \(Escape.terminal(finding.severityReason))")
        if let fix = finding.fix { lines.append("      fix: \(Escape.terminal(fix))") }
        return lines
    }

    private static func changes(_ pairs: [PairChange], title: String) -> [String] {
        var lines = ["", "\(title): \(pairs.count) pair(s)"]
        for (door, group) in CheckSummary.byDoor(pairs) {
            lines.append("  through \(Escape.terminal(door)):")
            lines += group.map { "    \($0.severity.rawValue.uppercased()) \(Escape.terminal($0.message))" }
        }
        return lines
    }
}

/// Wording the check reporters share.
enum CheckSummary {
    static func headline(_ report: CheckReport) -> String {
        let counts = Severity.allCases.compactMap { severity -> String? in
            let count = report.findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        return "trustpath check: \(report.files.count) file(s), \(report.roles.count) role(s), \(report.findings.count) finding(s)"
            + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", "))
    }

    static func place(file: String, line: Int?) -> String {
        file + (line.map { ":\($0)" } ?? "")
    }

    static func roleName(_ arn: String) -> String {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return arn }
        return "\(parts[5].split(separator: "/").last.map(String.init) ?? String(parts[5])) (\(parts[4]))"
    }

    /// Pairs grouped by the trust statement they enter through, the doors in order of their worst pair.
    static func byDoor(_ pairs: [PairChange]) -> [(String, [PairChange])] {
        let groups = Dictionary(grouping: pairs) { pair in
            "\(roleName(pair.doorRole)) statement \(pair.doorStatement)"
                + (pair.doorFile.map { " (\(place(file: $0, line: pair.doorLine)))" } ?? "")
        }
        return groups.map { ($0.key, $0.value.sorted { ($0.severity, $0.target, $0.entryId) < ($1.severity, $1.target, $1.entryId) }) }
            .sorted { ($0.1.first?.severity ?? .low, $0.0) < ($1.1.first?.severity ?? .low, $1.0) }
    }
}
