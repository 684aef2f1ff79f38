import ArgumentParser
import Foundation
import TrustPathAnalysis
import TrustPathPipeline
import TrustPathReport
import TrustPathRender

extension OutputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find the doors through which outside entries reach your roles, ranked, with what lies behind each and its fix.",
        discussion: """
        Examples:
          trustpath analyze Inputs/acme-2026-10
          trustpath analyze Inputs/acme-2026-10 --format sarif --output trustpath.sarif
          trustpath analyze Inputs/acme-2026-10 --fail-on high    # exit 1 when a high or critical finding exists
          trustpath analyze Inputs/acme-2026-10 --format markdown --output pr-comment.md
          trustpath analyze Inputs/acme-2026-10 --config audits/trustpath.yml    # vendors, crown jewels, accepted risks
          trustpath analyze Inputs/acme-2026-10 --diagrams Output/diagrams/acme-2026-10
          trustpath analyze Inputs/acme-2026-10 --format html --db trustpath-history.sqlite --output report.html
        """
    )

    @Argument(help: "The snapshot directory (exported JSON files).") var directory: String
    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text
    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?
    @Option(help: "Exit with code 1 when a door of this severity or worse exists: critical, high, medium, low.")
    var failOn: Severity?
    @Option(help: "Chains to keep per pair: the shortest plus alternatives of the same length.")
    var maxPaths: Int = 3
    @Option(help: "Choke points cut every pair at or above this severity.")
    var chokeSeverity: Severity = .critical
    @Option(help: "Also draw the diagrams (as `trustpath render` does) into this directory.")
    var diagrams: String?
    @Option(help: "With --format html: add the trend of the snapshots saved in this history database.")
    var db: String?
    @OptionGroup var project: ProjectFileOption
    @OptionGroup var trail: CloudTrailOption

    func validate() throws {
        guard maxPaths >= 1 else { throw ValidationError("--max-paths must be at least 1") }
        if db != nil, format != .html { throw ValidationError("--db adds the trend to the HTML report: use it with --format html") }
    }

    @Flag(help: "Exit 0 even when organization members have no export (coverage is still reported).")
    var allowPartial = false

    func run() throws {
        let progress = Progress.start()
        let input = try SnapshotInput.load(directory, config: project.config, progress: progress)
        let evidence = try trail.load()
        let result = Pipeline.run(input, options: PipelineOptions(maxPaths: maxPaths, chokeSeverity: chokeSeverity,
                                                                  progress: progress?.callback), evidence: evidence)
        var report = result.report
        report.generated = GenerationInfo(date: AnalysisOptions.currentDate(), commit: CIEnvironment.commit)
        defer { ProcessLifetime.keep([result] as [any Sendable]) }
        progress?.finish()
        let color = output == nil && format == .text && TerminalColor.enabled
        let target = OutputTarget(path: output)
        if format == .html {
            try target.write(try HTMLPage.analyze(report, database: db))
        } else {
            try target.stream { try format.write(report, options: RenderOptions(color: color), to: &$0) }
        }
        if let diagrams {
            let summary = try DiagramOutputCommand.write(report, to: diagrams)
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
        if input.hasUnreadableInput { throw TrustPathExit.badInput }
        if !report.coverage.membersWithoutExport.isEmpty, !allowPartial {
            FileHandle.standardError.write(Data(("\(report.coverage.membersWithoutExport.count) organization member(s) have no "
                + "export; their roles were not analyzed. Export them, or pass --allow-partial to accept the gap.\n").utf8))
            throw TrustPathExit.badInput
        }
        if let failOn, report.doors.contains(where: { $0.severity <= failOn }) { throw TrustPathExit.findings }
    }
}

/// Colors only on a terminal, never when NO_COLOR is set.
enum TerminalColor {
    static var enabled: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
