import ArgumentParser
import TrustPathAnalysis
import TrustPathReport

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Count what a snapshot directory holds and list every file and problem.",
        discussion: """
        Examples:
          trustpath summary Inputs/acme-2026-10
          trustpath summary Inputs/acme-2026-10 --format json --output summary.json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The snapshot directory (exported JSON files).") var directory: String
    @Option(help: "Output format: text or json.") var format: Format = .text
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var project: ProjectFileOption

    func run() throws {
        let input = try SnapshotInput.load(directory, config: project.config)
        let snapshot = input.snapshot
        let summary = SnapshotSummary(snapshot: snapshot)
        let text = switch format {
        case .text: SummaryTextReporter.render(summary)
        case .json: try JSONOutput.encode(summary)
        }
        try OutputTarget(path: output).write(text)
        if input.hasUnreadableInput { throw TrustPathExit.badInput }
    }
}
