import Foundation
import TrustPathAnalysis
import TrustPathReport
import TrustPathEscaping
import TrustPathCompare

/// The history formats, each rendered by one reporter.
public enum HistoryFormat: String, Sendable, CaseIterable {
    case text
    case json
    case markdown
    case html

    public func render(_ history: History) throws -> String {
        switch self {
        case .text: HistoryTextReporter.render(history)
        case .json: try JSONOutput.encode(history)
        case .markdown: HistoryMarkdownReporter.render(history)
        case .html: HistoryHTMLReporter.render(history)
        }
    }
}

/// Wording shared by the history reporters.
enum HistoryWording {
    static func names(_ history: History) -> DisplayNames {
        let info = SnapshotInfo(directory: "", organizationID: nil, analyzedAccounts: [], trustedAccounts: 0, files: [],
                                accountNames: history.accountNames)
        return DisplayNames(Report(snapshot: info, findings: [], assumptions: [], diagnostics: []))
    }

    static func days(_ value: Double?) -> String {
        guard let value else { return "?" }
        return String(format: "%.1f days", value)
    }

    /// `10 → 11 → 9`.
    static func trend(_ history: History) -> String {
        history.snapshots.map { String($0.findings) }.joined(separator: " → ")
    }

    static func episode(_ episode: FindingEpisode, names: DisplayNames) -> String {
        "[\(episode.severity)] \(names.entry(episode.entry)) → \(names.role(episode.target))"
    }
}

/// The history for people in a terminal.
public enum HistoryTextReporter {
    public static func render(_ history: History) -> String {
        let names = HistoryWording.names(history)
        var lines = ["TrustPath history: \(Escape.terminal(history.database)) (\(history.snapshots.count) snapshot(s))"]
        guard !history.snapshots.isEmpty else {
            return (lines + ["No snapshots saved yet: trustpath snapshot save DIR"]).joined(separator: "\n") + "\n"
        }
        let labelWidth = max(5, history.snapshots.map { Escape.terminal($0.label).count + "\($0.id)".count + 2 }.max() ?? 0)
        let doors = Dictionary(history.trend.map { ($0.id, $0.doors) }, uniquingKeysWith: { first, _ in first })
        let header = ["Snapshot".padding(labelWidth), "Taken at".padding(20), "Doors".padding(6, left: true),
                      "Pairs".padding(6, left: true)]
            + Severity.allCases.map { $0.rawValue.padding(9, left: true) } + ["New".padding(5, left: true), "Fixed".padding(6, left: true)]
        lines += ["", header.joined(separator: " ")]
        for point in history.snapshots {
            let row = ["#\(point.id) \(Escape.terminal(point.label))".padding(labelWidth),
                       HistoryDate.short(point.takenAt).padding(20), (doors[point.id].map(String.init) ?? "-").padding(6, left: true),
                       "\(point.findings)".padding(6, left: true)]
                + Severity.allCases.map { "\(point.bySeverity[$0.rawValue] ?? 0)".padding(9, left: true) }
                + ["+\(point.new)".padding(5, left: true), "-\(point.resolved)".padding(6, left: true)]
            lines.append(row.joined(separator: " "))
        }
        lines += ["", "Open pairs over time: \(HistoryWording.trend(history))"]
        lines += ["", "Fixed (\(history.fixed.count))"
            + (history.medianDaysToFix.map { ": median time to fix \(HistoryWording.days($0))" } ?? "")]
        for episode in history.fixed {
            lines.append("  " + Escape.terminal(HistoryWording.episode(episode, names: names)))
            lines.append("    seen \(Escape.terminal(episode.firstSeenLabel)) (\(HistoryDate.short(episode.firstSeenAt))), "
                + "gone in \(Escape.terminal(episode.endedLabel ?? "?")) (\(HistoryDate.short(episode.endedAt ?? "?"))): "
                + HistoryWording.days(episode.daysToFix) + (episode.reopened ? " (had come back)" : ""))
        }
        lines += ["", "Still open (\(history.open.count)), oldest first"]
        for episode in history.open {
            lines.append("  " + Escape.terminal(HistoryWording.episode(episode, names: names))
                + " — since \(Escape.terminal(episode.firstSeenLabel)), \(HistoryWording.days(episode.daysOpen))"
                + (episode.reopened ? " (came back after a fix)" : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The history as Markdown.
public enum HistoryMarkdownReporter {
    public static func render(_ history: History) -> String {
        let names = HistoryWording.names(history)
        var lines = ["## TrustPath history: \(history.snapshots.count) snapshot(s)", ""]
        lines.append("| Snapshot | Taken at | Total | " + Severity.allCases.map(\.rawValue).joined(separator: " | ")
            + " | New | Fixed |")
        lines.append("| --- | --- | ---: | " + Severity.allCases.map { _ in "---:" }.joined(separator: " | ") + " | ---: | ---: |")
        for point in history.snapshots {
            lines.append("| #\(point.id) \(Escape.markdown(point.label)) | \(HistoryDate.short(point.takenAt)) | \(point.findings) | "
                + Severity.allCases.map { "\(point.bySeverity[$0.rawValue] ?? 0)" }.joined(separator: " | ")
                + " | +\(point.new) | -\(point.resolved) |")
        }
        lines += ["", "Open findings over time: \(HistoryWording.trend(history))"]
        if !history.fixed.isEmpty {
            lines += ["", "### Fixed" + (history.medianDaysToFix.map { " (median \(HistoryWording.days($0)))" } ?? ""), "",
                      "| Finding | First seen | Gone in | Time to fix |", "| --- | --- | --- | ---: |"]
            for episode in history.fixed {
                lines.append("| \(Escape.markdown(HistoryWording.episode(episode, names: names))) | "
                    + "\(Escape.markdown(episode.firstSeenLabel)) | \(Escape.markdown(episode.endedLabel ?? "?")) | "
                    + "\(HistoryWording.days(episode.daysToFix)) |")
            }
        }
        if !history.open.isEmpty {
            lines += ["", "### Still open", "", "| Finding | Since | Open for |", "| --- | --- | ---: |"]
            for episode in history.open {
                lines.append("| \(Escape.markdown(HistoryWording.episode(episode, names: names))) | "
                    + "\(Escape.markdown(episode.firstSeenLabel)) | \(HistoryWording.days(episode.daysOpen)) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `snapshot list` for people.
public enum SnapshotListReporter {
    public static func render(_ snapshots: [SavedSnapshot], database: String) -> String {
        var lines = ["\(snapshots.count) snapshot(s) in \(Escape.terminal(database))"]
        for snapshot in snapshots {
            lines.append("  #\(snapshot.id) \(Escape.terminal(snapshot.label))  taken \(HistoryDate.short(snapshot.takenAt))"
                + "  \(snapshot.findingCount) finding(s) (\(DiffWording.counts(snapshot.bySeverity)))")
            lines.append("      \(Escape.terminal(snapshot.directory))  \(snapshot.contentHash.prefix(19))…  "
                + "saved \(snapshot.savedAt) by trustpath \(Escape.terminal(snapshot.toolVersion))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Pads with spaces to a width (left-aligned unless `left`), never truncating.
    func padding(_ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - count))
        return left ? fill + self : self + fill
    }
}
