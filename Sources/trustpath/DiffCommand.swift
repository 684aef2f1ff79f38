import ArgumentParser
import Foundation
import TrustPathPipeline
import TrustPathAnalysis
import TrustPathHistory
import TrustPathReport
import TrustPathCompare

extension DiffFormat: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two snapshots: doors new, resolved and changed, and the pairs that came, went or changed.",
        discussion: """
        Each side is a snapshot directory (analyzed now) or a saved snapshot from the history database: \
        db:LABEL, db:ID, or db:latest (the most recent by taken-at). Name a directory that starts with "db:" as \
        ./db:…
        Findings match by identity (entry, target role ARN). For unchanged findings the diff reports path, \
        severity, state and guard changes, and flags a target role deleted and recreated under the same name \
        (same ARN, new role id).
        Examples:
          trustpath diff Inputs/acme-2026-10 Inputs/acme-2026-11
          trustpath diff db:acme-2026-10 Inputs/acme-2026-11 --format markdown --output diff.md
          trustpath diff Inputs/acme-2026-10 Inputs/acme-2026-11 --diagram Output/diagrams/diff
          trustpath diff db:latest Inputs/acme-2026-12 --fail-on high    # exit 1 on a new or worsened high/critical
          trustpath diff db:acme-2026-10 db:latest --format html --output diff.html
        """
    )

    @Argument(help: "The older snapshot: a directory, or db:LABEL / db:ID / db:latest.") var old: String
    @Argument(help: "The newer snapshot: a directory, or db:LABEL / db:ID / db:latest.") var new: String
    @Option(help: "Output format: \(DiffFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: DiffFormat = .text
    @Option(name: .shortAndLong, help: "Write the diff to this file (atomically) instead of standard output.")
    var output: String?
    @Option(help: "Exit with code 1 when a new pair, or an unchanged one whose severity rose, is this severe or worse.")
    var failOn: Severity?
    @Option(help: "Also draw the diff (new chains red, resolved green) as diff.dot, .svg and .png into this directory.")
    var diagram: String?
    @OptionGroup var database: HistoryDatabaseOption
    @OptionGroup var trail: CloudTrailOption

    func run() throws {
        let evidence = try trail.load()
        let (before, beforeSide, beforeIncomplete) = try DiffInput.load(old, database: database.db, evidence: evidence)
        let (after, afterSide, afterIncomplete) = try DiffInput.load(new, database: database.db, evidence: evidence)
        let diff = SnapshotDiff(before: before, after: after, beforeSide: beforeSide, afterSide: afterSide)
        let target = OutputTarget(path: output)
        if format == .html {
            try target.write(HTMLPage.diff(diff))
        } else {
            try target.stream { try format.write(diff, to: &$0) }
        }
        if let diagram {
            let summary = try DiagramOutputCommand.write(diff, to: diagram)
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
        if beforeIncomplete || afterIncomplete { throw TrustPathExit.badInput }
        if let failOn {
            let worsened = diff.changes.compactMap { $0.worsened ? $0.severity?.to : nil }
            if (diff.new.map(\.severity) + worsened).contains(where: { $0 <= failOn }) { throw TrustPathExit.findings }
        }
    }
}

/// One side of a diff: a directory analyzed now, or a report saved in the history.
enum DiffInput {
    /// The report, how the diff names it, and whether some input file could not be read.
    static func load(_ source: String, database: String, evidence: EvidenceInput? = nil) throws -> (Report, DiffSide, Bool) {
        if source.hasPrefix(HistoryCLI.databasePrefix) {
            let reference = String(source.dropFirst(HistoryCLI.databasePrefix.count))
            let (report, saved) = try HistoryCLI.run { () throws(HistoryError) in
                let store = try HistoryStore(path: database, mode: .existingOnly)
                let saved = try store.snapshot(reference)
                return (try store.report(of: saved), saved)
            }
            return (report, DiffSide(report: report, source: source, savedSnapshot: saved.reference), false)
        }
        let input = try SnapshotInput.load(source)
        let report = Pipeline.run(input, evidence: evidence).report
        return (report, DiffSide(report: report, source: source), input.hasUnreadableInput)
    }
}
