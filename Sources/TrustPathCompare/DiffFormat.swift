import TrustPathAnalysis
import TrustPathReport

/// The diff formats, each rendered by one reporter.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text
    case json
    case markdown
    /// JSON Lines: the changed pairs, each with `"change": "new"` or `"resolved"`.
    case pairs
    case html

    public func render(_ diff: SnapshotDiff) throws -> String {
        switch self {
        case .pairs: try Self.pairsText(diff)
        case .text: DiffTextReporter.render(diff)
        case .json: try JSONOutput.encode(diff)
        case .markdown: DiffMarkdownReporter.render(diff)
        case .html: DiffHTMLReporter.render(diff)
        }
    }

    /// Writes the diff in this format to `sink`: `pairs` streamed (the new pairs, then the resolved ones) a slice of
    /// lines at a time, the others rendered whole first.
    public func write(_ diff: SnapshotDiff, to sink: inout some ByteSink) throws {
        switch self {
        case .pairs:
            try PairsReporter.write(diff.new, change: "new", to: &sink)
            try PairsReporter.write(diff.resolved, change: "resolved", to: &sink)
        case .text, .json, .markdown, .html: try sink.write(try render(diff))
        }
    }

    private static func pairsText(_ diff: SnapshotDiff) throws -> String {
        var sink = MemorySink()
        try DiffFormat.pairs.write(diff, to: &sink)
        return sink.text
    }
}

/// Wording shared by the text and Markdown diff reporters (and the history's listings).
public enum DiffWording {
    /// `2 critical, 1 high` (zero counts left out), or `none`.
    public static func counts(_ bySeverity: [String: Int]) -> String {
        let parts = Severity.allCases.compactMap { severity in
            (bySeverity[severity.rawValue] ?? 0) > 0 ? "\(bySeverity[severity.rawValue] ?? 0) \(severity.rawValue)" : nil
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// One line per thing that changed, in plain words; `quote` marks up names for the output format.
    static func lines(_ change: FindingChange, names: DisplayNames, entry: Entry, quote: (String) -> String) -> [String] {
        var lines: [String] = []
        if let severity = change.severity {
            lines.append("severity \(severity.from.rawValue) → \(severity.to.rawValue)"
                + (change.worsened ? " (worse)" : " (better)"))
        }
        if let state = change.state { lines.append("state \(state.from.rawValue) → \(state.to.rawValue)") }
        if let path = change.path {
            lines.append("path now \(quote(chain(path.to, names: names, entry: entry)))"
                + ", was \(quote(chain(path.from, names: names, entry: entry)))")
        }
        for guardChange in change.guards {
            var parts: [String] = []
            if !guardChange.added.isEmpty { parts.append("now has " + guardChange.added.map(quote).joined(separator: ", ")) }
            if !guardChange.removed.isEmpty { parts.append("lost " + guardChange.removed.map(quote).joined(separator: ", ")) }
            if !guardChange.nowMissing.isEmpty {
                parts.append("now lacks " + guardChange.nowMissing.map(quote).joined(separator: ", "))
            }
            if !guardChange.noLongerMissing.isEmpty {
                parts.append("no longer lacks " + guardChange.noLongerMissing.map(quote).joined(separator: ", "))
            }
            if !guardChange.nowWeak.isEmpty { parts.append("now weak " + guardChange.nowWeak.map(quote).joined(separator: ", ")) }
            if !guardChange.noLongerWeak.isEmpty {
                parts.append("no longer weak " + guardChange.noLongerWeak.map(quote).joined(separator: ", "))
            }
            lines.append("guards into \(quote(names.role(guardChange.role))): " + parts.joined(separator: "; "))
        }
        if let recreated = change.targetRecreated {
            lines.append("target role deleted and recreated under the same name: role id \(quote(recreated.from))"
                + " → \(quote(recreated.to)); review it as a new role")
        }
        return lines
    }

    /// `entry → role → role` for a path of ids.
    static func chain(_ path: [String], names: DisplayNames, entry: Entry) -> String {
        ([names.entry(entry)] + path.dropFirst().map(names.role)).joined(separator: " → ")
    }
}
