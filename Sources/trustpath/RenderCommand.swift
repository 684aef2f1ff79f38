import ArgumentParser
import Foundation
import TrustPathPipeline
import TrustPathAnalysis
import TrustPathReport
import TrustPathRender

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the doors as diagrams: an overview and one per door, as DOT, SVG and PNG.",
        discussion: """
        Writes OUTPUT/overview.{dot,svg,png} (the doors, with the entries that pass them and the worst targets \
        behind them) and OUTPUT/doors/door-ACCOUNT-ROLE-sINDEX.{dot,svg,png}, one per door, the file each report \
        names under "diagram". Graphviz runs in process (libgraphviz); the DOT text is TrustPath's own and stable, \
        so diagrams diff well. Files of doors no longer drawn are removed.
        Examples:
          trustpath render Inputs/acme-2026-10 --output Output/diagrams
          trustpath render Inputs/acme-2026-10 --output Output/critical --severity critical
          trustpath render Inputs/acme-2026-10 --output Output/prod --account 520388146927 --collapse-above 60
        """
    )

    @Argument(help: "The snapshot directory (exported JSON files).") var directory: String
    @Option(name: .shortAndLong, help: "The directory to write the diagrams into (created when missing).")
    var output: String
    @Option(help: "Draw doors of this severity or worse: critical, high, medium, low.") var severity: Severity?
    @Option(help: "Draw doors whose role, or one of whose worst targets, has an ARN containing this text.")
    var target: String?
    @Option(help: "Draw doors this entry passes: *, an account id, a service, a provider ARN, or a vendor's name.")
    var entry: String?
    @Option(help: "Draw doors that touch this account (the door's role, an entry, or a role on a drawn path).")
    var account: String?
    @Option(help: "Draw the overview one node per account when it would have more nodes than this.")
    var collapseAbove: Int = 150
    @Flag(help: "Write the overview only, no per-door diagrams.") var overviewOnly = false
    @OptionGroup var project: ProjectFileOption
    @OptionGroup var trail: CloudTrailOption
    @Option(help: "Chains to report per finding: the shortest plus alternatives of the same length.")
    var maxPaths: Int = 3

    func validate() throws {
        guard collapseAbove >= 3 else { throw ValidationError("--collapse-above must be at least 3") }
        guard maxPaths >= 1 else { throw ValidationError("--max-paths must be at least 1") }
    }

    func run() throws {
        let progress = Progress.start()
        let input = try SnapshotInput.load(directory, config: project.config, progress: progress)
        let report = Pipeline.run(input, options: PipelineOptions(stages: .remediation, maxPaths: maxPaths,
                                                                  progress: progress?.callback),
                                  evidence: try trail.load()).report
        progress?.update("drawing diagrams…")
        let options = DiagramOptions(minimumSeverity: severity, target: target, entry: entry, account: account,
                                     collapseAbove: collapseAbove, perDoor: !overviewOnly)
        let summary: String
        do {
            summary = try DiagramOutputCommand.write(report, to: output, options: options)
            progress?.finish()
        } catch {
            progress?.finish()
            throw error
        }
        print(summary)
        if input.hasUnreadableInput { throw TrustPathExit.badInput }
    }
}
