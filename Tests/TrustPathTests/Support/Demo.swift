import Foundation
import TrustPathPipeline
import TrustPathAnalysis
import TrustPathConfig
import TrustPathIngest
import TrustPathModel
import TrustPathRemediation
import TrustPathReport

/// The demo snapshots in Inputs/, analyzed the way `trustpath analyze` does (with their `trustpath.yml`).
enum Demo {
    static let october = "acme-2026-10"
    static let november = "acme-2026-11"

    static func config(_ name: String) throws -> ProjectConfig {
        try ProjectConfigLoader.load(explicit: nil, snapshotDirectory: Paths.inputs.appendingPathComponent(name).path)
    }

    static func snapshot(_ name: String) throws -> Snapshot {
        var snapshot = try SnapshotLoader().load(directory: Paths.inputs.appendingPathComponent(name).path)
        snapshot.directory = "Inputs/\(name)"
        try config(name).apply(to: &snapshot)
        return snapshot
    }

    static func analyze(_ name: String) throws -> AnalysisResult {
        let config = try config(name)
        return Analyzer.analyze(try snapshot(name), options: AnalysisOptions(vendorNames: config.vendorNames, config: config))
    }

    /// The report `trustpath analyze` makes of a demo snapshot: every stage, through the one pipeline.
    static func report(_ name: String) throws -> Report {
        var input = try Pipeline.load(Paths.inputs.appendingPathComponent(name).path)
        // Reports name the snapshot as a user in the repository's root would: relative, so golden files are portable.
        input.snapshot.directory = "Inputs/\(name)"
        return Pipeline.run(input).report
    }
}
