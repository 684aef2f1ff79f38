import Foundation
import Testing
import TrustPathAnalysis
import TrustPathIngest
import TrustPathModel
import TrustPathSynthetic

/// Results must not depend on thread timing or on the order files are given in.
@Suite("Scale: determinism")
struct DeterminismTests {
    @Test func reportsAreIdenticalWhateverTheThreadsAndFileOrder() throws {
        let directory = try ScaleFixtures.writeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Files read in parallel from disk, entries searched in parallel.
        let parallel = try ScaleFixtures.reports(try SnapshotLoader().load(directory: directory.path), parallel: true)
        #expect(parallel[0].contains("\"findings\""))
        var random = SplitMix64(seed: 99)
        for _ in 0..<1 {
            // The same files from memory, one after another, in a shuffled order; entries searched one by one.
            let shuffled = ScaleFixtures.documents.shuffled(using: &random)
            let serial = try ScaleFixtures.reports(SnapshotLoader().load(documents: shuffled, directory: directory.path),
                                                   parallel: false)
            for (one, other) in zip(parallel, serial) { #expect(one == other) }
        }
    }

    @Test func theSynthesisIsFindingRichAndRepeatable() throws {
        let again = SyntheticOrganization(ScaleFixtures.shape).documents()
        #expect(again.map(\.path) == ScaleFixtures.documents.map(\.path))
        #expect(again.map(\.bytes) == ScaleFixtures.documents.map(\.bytes))
        let snapshot = SnapshotLoader().load(documents: ScaleFixtures.documents)
        #expect(snapshot.accounts.count == ScaleFixtures.shape.accounts)
        #expect(snapshot.accounts.values.map(\.roles.count).reduce(0, +) == ScaleFixtures.shape.roles)
        #expect(snapshot.accounts.values.map(\.users.count).reduce(0, +) == ScaleFixtures.shape.users)
        #expect(!snapshot.diagnostics.contains { $0.severity != .note })
        let result = Analyzer.analyze(snapshot)
        let kinds = Set(result.doors.flatMap(\.entries).map(\.kind))
        #expect(kinds.count >= 3, "doors passed by entries of many kinds: \(kinds)")
        #expect(result.findings.contains { $0.path.count > 2 }, "some chains have more than one hop")
    }
}
