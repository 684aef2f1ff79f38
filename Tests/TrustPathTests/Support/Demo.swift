import Foundation
import TrustPathAnalysis
import TrustPathIngest
import TrustPathModel
import TrustPathRemediation
import TrustPathReport

/// The demo snapshots in Inputs/, analyzed the way `trustpath analyze` does.
enum Demo {
    static let october = "acme-2026-10"
    static let november = "acme-2026-11"

    static func snapshot(_ name: String) throws -> Snapshot {
        var snapshot = try SnapshotLoader().load(directory: Paths.inputs.appendingPathComponent(name).path)
        snapshot.directory = "Inputs/\(name)"
        return snapshot
    }

    static func analyze(_ name: String) throws -> AnalysisResult { Analyzer.analyze(try snapshot(name)) }

    static func report(_ name: String) throws -> Report {
        let result = try analyze(name)
        var plan = RemediationPlan.make(result)
        let directory = Paths.inputs.appendingPathComponent(name)
        FixEdits.attach(to: &plan, index: result.index) { file in
            FileManager.default.contents(atPath: directory.appendingPathComponent(file).path).map { [UInt8]($0) }
        }
        return ReportBuilder.build(result, plan: plan)
    }
}
