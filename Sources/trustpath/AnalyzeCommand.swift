import ArgumentParser
import Foundation
import TrustPathAnalysis
import TrustPathRemediation
import TrustPathReport
import TrustPathRender

extension OutputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find every chain from outside the organization to a role, ranked, with what each hop lacks.",
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
    @Option(help: "Exit with code 1 when a finding of this severity or worse exists: critical, high, medium, low.")
    var failOn: Severity?
    @Option(help: "Chains to report per finding: the shortest plus alternatives of the same length.")
    var maxPaths: Int = 3
    @Option(help: "Choke points cut every finding at or above this severity.")
    var chokeSeverity: Severity = .critical
    @Option(help: "Also draw the diagrams (as `trustpath render` does) into this directory.")
    var diagrams: String?
    @Option(help: "With --format html: add the trend of the snapshots saved in this history database.")
    var db: String?
    @OptionGroup var project: ProjectFileOption

    func validate() throws {
        guard maxPaths >= 1 else { throw ValidationError("--max-paths must be at least 1") }
        if db != nil, format != .html { throw ValidationError("--db adds the trend to the HTML report: use it with --format html") }
    }

    func run() throws {
        let progress = Progress.start()
        let input = try SnapshotInput.load(directory, config: project.config, progress: progress)
        let snapshot = input.snapshot
        let result = Analyzer.analyze(snapshot, options: input.options(maxPaths: maxPaths, progress: progress))
        progress?.update("planning fixes for \(result.findings.count) findings…")
        var plan = RemediationPlan.make(result, chokeSeverity: chokeSeverity)
        SourcePositions.attach(to: &plan, index: result.index, directory: directory)
        let report = ReportBuilder.build(result, plan: plan)
        defer { ProcessLifetime.keep([result, plan, report] as [any Sendable]) }
        progress?.finish()
        let color = output == nil && format == .text && TerminalColor.enabled
        let text = format == .html ? try HTMLPage.analyze(report, database: db)
            : try format.render(report, options: RenderOptions(color: color))
        try OutputTarget(path: output).write(text)
        if let diagrams {
            let summary = try DiagramOutputCommand.write(report, to: diagrams)
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        }
        if SnapshotInput.hasUnreadableInput(snapshot) { throw TrustPathExit.badInput }
        if let failOn, report.findings.contains(where: { $0.severity <= failOn }) { throw TrustPathExit.findings }
    }
}

/// Colors only on a terminal, never when NO_COLOR is set.
enum TerminalColor {
    static var enabled: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
