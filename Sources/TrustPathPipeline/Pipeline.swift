import Foundation
import TrustPathAnalysis
import TrustPathConfig
import TrustPathEvidence
import TrustPathIngest
import TrustPathModel
import TrustPathRemediation
import TrustPathReport

/// The one place the stages are composed, in their one order: load (snapshot + project file) → analyze →
/// remediate → locate in the source files → report. Each stage returns its own value; the report joins them
/// once. Every command asks for the stages it needs and gets the same result for the same input.
public enum Pipeline {
    /// Reads a snapshot directory and its project file (DIRECTORY/trustpath.yml unless `configPath` names one).
    public static func load(_ directory: String, configPath: String? = nil,
                            progress: (@Sendable (String) -> Void)? = nil) throws(PipelineError) -> PipelineInput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDirectory(directory)
        }
        let config: ProjectConfig
        do {
            config = try ProjectConfigLoader.load(explicit: configPath, snapshotDirectory: directory)
        } catch {
            throw .projectFile(error.description)
        }
        do {
            var snapshot = try SnapshotLoader(progress: progress).load(directory: directory)
            config.apply(to: &snapshot)
            return PipelineInput(directory: directory, snapshot: snapshot, config: config)
        } catch {
            if case .conflictingExports = error { throw .notOneSnapshot(error.description) }
            throw .snapshot(error.description)
        }
    }

    /// Reads a CloudTrail directory (or file) for the evidence stage.
    public static func loadTrail(_ path: String) throws(PipelineError) -> EvidenceInput {
        do {
            let (index, diagnostics) = try CloudTrailLoader.load(path)
            return EvidenceInput(index: index, diagnostics: diagnostics)
        } catch {
            throw .cloudTrail(error.description)
        }
    }

    /// Runs the stages `options` asks for on a loaded input; `evidence` (a trail read with `loadTrail`) adds what
    /// was used.
    public static func run(_ input: PipelineInput, options: PipelineOptions = PipelineOptions(),
                           evidence: EvidenceInput? = nil) -> PipelineResult {
        var analysis = Analyzer.analyze(input.snapshot, options: AnalysisOptions(
            maxPaths: options.maxPaths, vendorNames: input.config.vendorNames, config: input.config,
            progress: options.progress))
        // A snapshot `trustpath fix` wrote, analyzed before its placeholders were filled in, says so.
        analysis.diagnostics = (analysis.diagnostics + PlaceholderCheck.diagnostics(input.snapshot)).sorted()
        guard options.stages.contains(.remediation) else {
            let plan = RemediationPlan.none(analysis)
            return PipelineResult(input: input, analysis: analysis, plan: plan, sources: nil,
                                  report: ReportBuilder.build(analysis, plan: plan, evidence: evidence))
        }
        options.progress?("planning fixes for \(analysis.doors.count) doors…")
        let plan = RemediationPlan.make(analysis, chokeSeverity: options.chokeSeverity)
        let sources = options.stages.contains(.sourcePositions)
            ? SourcePositions.locate(plan, index: analysis.index, directory: input.directory) : nil
        return PipelineResult(input: input, analysis: analysis, plan: plan, sources: sources,
                              report: ReportBuilder.build(analysis, plan: plan, sources: sources, evidence: evidence))
    }
}

/// A snapshot directory read, with its project file applied.
public struct PipelineInput: Sendable {
    public var directory: String
    public var snapshot: Snapshot
    public var config: ProjectConfig

    public init(directory: String, snapshot: Snapshot, config: ProjectConfig) {
        self.directory = directory
        self.snapshot = snapshot
        self.config = config
    }

    /// True when some file could not be used at all.
    public var hasUnreadableInput: Bool { snapshot.diagnostics.contains { $0.severity == .error } }
}

/// Which stages run past the analysis, and their options.
public struct PipelineOptions: Sendable {
    public struct Stages: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Fixes per door, fixes ranked by what they remove, and choke points.
        public static let remediation = Stages(rawValue: 1)
        /// Fix edits and statement lines located in the input files (SARIF regions, editors).
        public static let sourcePositions = Stages(rawValue: 2)
        public static let all: Stages = [.remediation, .sourcePositions]
    }

    public var stages: Stages
    public var maxPaths: Int
    public var chokeSeverity: Severity
    public var progress: (@Sendable (String) -> Void)?

    public init(stages: Stages = .all, maxPaths: Int = 3, chokeSeverity: Severity = .critical,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.stages = stages
        self.maxPaths = maxPaths
        self.chokeSeverity = chokeSeverity
        self.progress = progress
    }
}

/// Every stage's value, and the report that joins them.
public struct PipelineResult: Sendable {
    public var input: PipelineInput
    public var analysis: AnalysisResult
    public var plan: RemediationPlan
    public var sources: SourceIndex?
    public var report: Report
}

/// Why the pipeline could not read its input, in words a user can act on.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// The snapshot directory does not exist or is not a directory.
    case missingDirectory(String)
    /// The project file is invalid (nothing was analyzed).
    case projectFile(String)
    /// The snapshot cannot be read.
    case snapshot(String)
    /// The directory holds two exports of one account (two snapshots mixed): nothing is analyzed.
    case notOneSnapshot(String)
    /// The CloudTrail path cannot be read at all (bad files inside it are diagnostics instead).
    case cloudTrail(String)

    public var description: String {
        switch self {
        case .missingDirectory(let path): "\(path): no such directory; give the directory holding the exported JSON files"
        case .projectFile(let message), .snapshot(let message), .notOneSnapshot(let message), .cloudTrail(let message): message
        }
    }
}
