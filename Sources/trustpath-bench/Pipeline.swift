import Foundation
import TrustPathAnalysis
import TrustPathEngine
import TrustPathIngest
import TrustPathRemediation
import TrustPathRender
import TrustPathReport

/// The stages of `trustpath analyze` run one by one on a snapshot directory, each timed apart.
/// Hops are evaluated on demand while the search walks, so "search" includes most hop evaluation;
/// "evaluate" is the index and entry discovery every search starts from.
struct Pipeline {
    var directory: String
    var renderImage: Bool

    func run(into row: inout BenchRow) throws {
        let (snapshot, load) = try Measure.seconds { try SnapshotLoader().load(directory: directory) }
        let (index, evaluate) = Measure.seconds { () -> SnapshotIndex in
            let index = SnapshotIndex(snapshot)
            _ = EntryDiscovery.entries(in: index)
            return index
        }
        let (result, search) = Measure.seconds { Analyzer.analyze(index: index) }
        let (planned, remediate) = Measure.seconds { () -> (RemediationPlan, SourceIndex) in
            let plan = RemediationPlan.make(result, chokeSeverity: .critical)
            return (plan, SourcePositions.locate(plan, index: result.index, directory: directory))
        }
        let (plan, sources) = planned
        let (_, report) = try Measure.seconds { () -> Int in
            let (report, build) = Measure.seconds { ReportBuilder.build(result, plan: plan, sources: sources) }
            let (json, jsonTime) = try Measure.seconds { try OutputFormat.json.render(report) }
            let (text, textTime) = try Measure.seconds { try OutputFormat.text.render(report) }
            row.reportParts = ["build": build, "json": jsonTime, "text": textTime]
            return json.utf8.count + text.utf8.count
        }
        let built = ReportBuilder.build(result, plan: plan, sources: sources)
        let (dot, render) = Measure.seconds { DiagramBuilder.overview(built) }
        if renderImage {
            row.svg = try Measure.seconds { try GraphvizRenderer.shared.render(dot: dot, format: .svg).count }.1
        }
        row.load = load
        row.evaluate = evaluate
        row.search = search
        row.remediate = remediate
        row.report = report
        row.render = render
        row.findings = result.findings.count
        row.peakResidentBytes = Measure.peakResidentBytes()
    }
}
