import ArgumentParser
import TrustPathReport

/// The `trustpath` command line: a thin front over the TrustPath library.
@main
struct TrustPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustpath",
        abstract: "Find who outside your AWS organization can become which of your roles, and how to stop it.",
        discussion: """
        Exit codes: 0 success; 1 findings at or above --fail-on; 2 usage error; 3 bad input \
        (a file could not be read: the rest was analyzed and the problem is in the output).
        """,
        version: TrustPathVersion.current,
        subcommands: [
            SummaryCommand.self, AnalyzeCommand.self, ExplainCommand.self, FixCommand.self, RenderCommand.self,
            DiffCommand.self, SnapshotCommand.self, HistoryCommand.self,
        ],
        helpNames: [.short, .long]
    )
}
