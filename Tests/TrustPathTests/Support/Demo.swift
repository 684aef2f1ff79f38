import Foundation
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

    static func report(_ name: String) throws -> Report {
        let result = try analyze(name)
        var plan = RemediationPlan.make(result)
        let directory = Paths.inputs.appendingPathComponent(name)
        let read: @Sendable (String) -> [UInt8]? = { file in
            FileManager.default.contents(atPath: directory.appendingPathComponent(file).path).map { [UInt8]($0) }
        }
        SourcePositions.attach(to: &plan, index: result.index, read: read)
        return ReportBuilder.build(result, plan: plan)
    }
}
