import Foundation
import TrustPathAnalysis
import TrustPathIngest
import TrustPathModel
import TrustPathRemediation
import TrustPathReport
import TrustPathSynthetic

/// A small synthetic organization with the generator's special accounts (an organization-wide role in account 3,
/// a public one in account 5, a two-page export for account 6), and the reports made from it.
enum ScaleFixtures {
    /// Small on purpose: the suite runs tests in parallel in one process, and the render memory tests watch its RSS.
    static let shape = OrganizationShape(accounts: 8, rolesPerAccount: 16, usersPerAccount: 2, seed: 7,
                                         managedPolicyVersions: 2)
    static let documents = SyntheticOrganization(shape).documents()

    /// The reports in JSON, text and SARIF for a snapshot, with fix edits read from `documents`.
    static func reports(_ snapshot: Snapshot, parallel: Bool) throws -> [String] {
        let result = Analyzer.analyze(snapshot, options: AnalysisOptions(parallel: parallel))
        let plan = RemediationPlan.make(result)
        let byPath = Dictionary(documents.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let sources = SourcePositions.locate(plan, index: result.index) { byPath[$0] }
        let report = ReportBuilder.build(result, plan: plan, sources: sources)
        return try [OutputFormat.json, .text, .sarif].map { try $0.render(report) }
    }

    /// The report of the generated organization with fix edits and statement lines, as `analyze` makes it.
    static func report() throws -> Report {
        let result = Analyzer.analyze(SnapshotLoader().load(documents: documents.map { ($0.path, $0.bytes) }))
        let plan = RemediationPlan.make(result)
        let byPath = Dictionary(documents.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let sources = SourcePositions.locate(plan, index: result.index) { byPath[$0] }
        return ReportBuilder.build(result, plan: plan, sources: sources)
    }

    /// Writes the documents into a new temporary directory.
    static func writeDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trustpath-scale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for document in documents {
            try Data(document.bytes).write(to: directory.appendingPathComponent(document.path))
        }
        return directory
    }
}
