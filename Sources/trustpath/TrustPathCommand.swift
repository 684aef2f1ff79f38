import ArgumentParser
import Foundation
import TrustPathReport

/// The `trustpath` command line: a thin front over the TrustPath library.
@main
struct TrustPathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustpath",
        abstract: "Find who outside your AWS organization can become which of your roles, and how to stop it.",
        discussion: """
        Exit codes: 0 success; 1 a door at or above --fail-on; 2 usage error, bad project file (trustpath.yml), \
        missing snapshot directory, two exports of one account in one directory, or an unreadable --cloudtrail path \
        (nothing analyzed); 3 bad input (a file could not be read, or organization members have no export and \
        --allow-partial was not given: the rest was analyzed and the gap opens the report; for collect, accounts that \
        could not be read); 4 snapshot save found the input already saved; 5 an output file could not be written.

        Shell completion: trustpath --generate-completion-script bash|zsh|fish
        Manual page: swift package plugin generate-manual (writes .build/plugins/GenerateManual/outputs/trustpath/trustpath.1).
        """,
        version: TrustPathVersion.current,
        subcommands: [
            SummaryCommand.self, AnalyzeCommand.self, ExplainCommand.self, FixCommand.self, RenderCommand.self,
            DiffCommand.self, SnapshotCommand.self, HistoryCommand.self,
            CheckCommand.self, CollectCommand.self,
        ],
        helpNames: [.short, .long]
    )

    /// Runs the command, mapping ArgumentParser's usage errors (EX_USAGE, 64) to the documented code 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(TrustPathExit.usage.rawValue)
        }
    }
}
