import ArgumentParser
import Foundation
import TrustPathEscaping
import TrustPathPipeline
import TrustPathAnalysis
import TrustPathHistory
import TrustPathReport

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save analyzed snapshots in the history database, and list them.",
        discussion: """
        The history database is a SQLite file, ./\(HistoryStore.defaultPath) unless --db names another.
        Examples:
          trustpath snapshot save Inputs/acme-2026-10 --taken-at 2026-10-01
          trustpath snapshot list --db audits/history.sqlite
        """,
        subcommands: [SnapshotSaveCommand.self, SnapshotListCommand.self, SnapshotShowCommand.self]
    )
}

/// `--db`, shared by every command that reads or writes the history.
struct HistoryDatabaseOption: ParsableArguments {
    @Option(help: "The history database (SQLite). Default: ./\(HistoryStore.defaultPath)")
    var db: String = HistoryStore.defaultPath
}

struct SnapshotSaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Analyze a snapshot directory and save it (report and findings) in the history database.",
        discussion: """
        The save is one transaction: interrupted at any point, the database stays as it was. The same input \
        files (compared by content, whatever their names) are saved only once: saving them again is refused \
        with exit code \(HistoryExit.alreadySaved.rawValue) and nothing is written. A snapshot with unreadable \
        files is refused (exit 3) unless --allow-incomplete.
        Examples:
          trustpath snapshot save Inputs/acme-2026-10 --taken-at 2026-10-01
          trustpath snapshot save Inputs/acme-2026-11 --label november --taken-at 2026-11-01T08:00:00Z --db history.sqlite
        """
    )

    @Argument(help: "The snapshot directory (exported JSON files).") var directory: String
    @Option(help: "A unique name for the snapshot, used as db:LABEL. Default: the directory's name.") var label: String?
    @Option(help: "When the export was taken, ISO 8601 (2026-10-01 or 2026-10-01T09:30:00Z). Default: now.")
    var takenAt: String?
    @Flag(help: "Save even when some input files could not be read.") var allowIncomplete = false
    @OptionGroup var database: HistoryDatabaseOption

    func validate() throws {
        if let takenAt { _ = try HistoryCLI.usage { () throws(HistoryError) in try HistoryDate.parse(takenAt) } }
    }

    func run() throws {
        let input = try SnapshotInput.load(directory)
        let snapshot = input.snapshot
        if input.hasUnreadableInput, !allowIncomplete {
            let unreadable = snapshot.files.filter { $0.kind == .unreadable }.map(\.path)
            HistoryCLI.printError("\(unreadable.count) file(s) of \(directory) could not be read "
                + "(\(unreadable.prefix(5).joined(separator: ", "))); nothing was saved. Fix them "
                + "(trustpath summary \(directory) says how) or pass --allow-incomplete")
            throw TrustPathExit.badInput
        }
        let report = Pipeline.run(input).report
        let name = label ?? URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
        let saved = try HistoryCLI.run { () throws(HistoryError) in
            let date = try takenAt.map { text throws(HistoryError) in try HistoryDate.parse(text) } ?? Date()
            let hash = try ContentHash.of(report: report, directory: directory)
            let store = try HistoryStore(path: database.db)
            return try store.save(report, label: name, takenAt: date, contentHash: hash,
                                  afterFindingRow: CrashTestHook.fromEnvironment())
        }
        print("Saved snapshot #\(saved.id) '\(Escape.terminal(saved.label))' (taken \(HistoryDate.short(saved.takenAt))) "
            + "to \(Escape.terminal(database.db)): \(saved.findingCount) finding(s) "
            + "(\(Severity.allCases.map { "\(saved.bySeverity[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", "))).")
    }
}

struct SnapshotListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the saved snapshots, oldest first (by taken-at).",
        discussion: """
        Examples:
          trustpath snapshot list
          trustpath snapshot list --db audits/history.sqlite --format json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.") var format: Format = .text
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
    @OptionGroup var database: HistoryDatabaseOption

    func run() throws {
        let snapshots = try HistoryCLI.run { () throws(HistoryError) in
            try HistoryStore(path: database.db, mode: .existingOnly).snapshots()
        }
        let text = switch format {
        case .text: SnapshotListReporter.render(snapshots, database: database.db)
        case .json: try JSONOutput.encode(snapshots)
        }
        try OutputTarget(path: output).write(text)
    }
}

struct SnapshotShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the report saved with a snapshot, in any report format.",
        discussion: """
        Examples:
          trustpath snapshot show acme-2026-10
          trustpath snapshot show latest --format sarif --output saved.sarif
        """
    )

    @Argument(help: "The saved snapshot: its label, its id, or latest.") var snapshot: String
    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
    @OptionGroup var database: HistoryDatabaseOption

    func run() throws {
        let reference = snapshot.hasPrefix(HistoryCLI.databasePrefix) ? String(snapshot.dropFirst(3)) : snapshot
        let report = try HistoryCLI.run { () throws(HistoryError) in
            let store = try HistoryStore(path: database.db, mode: .existingOnly)
            return try store.report(of: try store.snapshot(reference))
        }
        try OutputTarget(path: output).stream { try format.write(report, to: &$0) }
    }
}

/// Exit codes of the history commands beyond the documented ones.
enum HistoryExit {
    /// `snapshot save` found the same input already saved and wrote nothing.
    static let alreadySaved = ExitCode(4)
}

/// Turns history errors into a message on standard error and an exit code, in one place.
enum HistoryCLI {
    /// Diff sides and `snapshot show` name saved snapshots as `db:LABEL`, `db:ID` or `db:latest`.
    static let databasePrefix = "db:"

    static func run<T>(_ body: () throws(HistoryError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError(error.description)
            switch error {
            case .alreadySaved: throw HistoryExit.alreadySaved
            case .labelTaken, .invalidLabel, .invalidDate: throw TrustPathExit.usage
            default: throw TrustPathExit.badInput
            }
        }
    }

    /// For `validate()`: a history error as a usage error.
    static func usage<T>(_ body: () throws(HistoryError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw ValidationError(error.description)
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("error: \(Escape.terminal(message))\n".utf8))
    }
}

/// Fault injection for the crash test only, compiled into debug builds alone: with
/// `TRUSTPATH_TEST_STALL_SAVE_AFTER_ROWS=N` in the environment, a save stops inside its transaction after writing N
/// finding rows, says so on standard error, and waits to be killed. A release build ignores the variable.
enum CrashTestHook {
    static let variable = "TRUSTPATH_TEST_STALL_SAVE_AFTER_ROWS"

    static func fromEnvironment() -> (Int) -> Void {
        #if DEBUG
        guard let text = ProcessInfo.processInfo.environment[variable], let rows = Int(text), rows > 0 else {
            return { _ in }
        }
        return { written in
            guard written == rows else { return }
            FileHandle.standardError.write(Data("stalled after \(written) rows\n".utf8))
            sleep(60)
        }
        #else
        return { _ in }
        #endif
    }
}
