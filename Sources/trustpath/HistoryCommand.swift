import ArgumentParser
import TrustPathHistory
import TrustPathReport

extension HistoryFormat: ExpressibleByArgument {}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the saved snapshots over time: counts by severity, open findings, time to fix.",
        discussion: """
        A finding is open from the first snapshot that has it to the first later one that does not; time to \
        fix is the taken-at of that snapshot minus the taken-at of the first (an upper bound).
        Examples:
          trustpath history
          trustpath history --db audits/history.sqlite --format markdown --output history.md
          trustpath history --format html --output trend.html    # doors and pairs by severity, charted
        """
    )

    @Option(help: "Output format: \(HistoryFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: HistoryFormat = .text
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.") var output: String?
    @OptionGroup var database: HistoryDatabaseOption

    func run() throws {
        let history = try HistoryCLI.run { () throws(HistoryError) in
            try HistoryStore(path: database.db, mode: .existingOnly).history()
        }
        try OutputTarget(path: output).write(try format.render(history))
    }
}
