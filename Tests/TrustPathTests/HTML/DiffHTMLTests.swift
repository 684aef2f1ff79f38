import Foundation
import Testing
import TrustPathAnalysis
import TrustPathHistory
import TrustPathReport
import TrustPathCompare

/// The diff page: counts by severity and the doors whose pairs appeared, went away or changed.
@Suite("HTML: diff page")
struct DiffHTMLTests {
    @Test func groupsNewAndResolvedPairsByTheStatementTheyEnterThrough() throws {
        let before = HistoryFixtures.report([HTMLFixtures.finding(through: "DoorA", target: "GoneTarget", severity: .high)])
        let after = HistoryFixtures.report([HTMLFixtures.finding(through: "DoorB", target: "NewTarget", severity: .critical),
                                            HTMLFixtures.finding(through: "DoorB", target: "NewTarget2", severity: .low)])
        let html = try DiffFormat.html.render(SnapshotDiff(before: before, after: after))
        #expect(html.contains("<b>2</b>new pairs") && html.contains("<b>1</b>resolved pairs"))
        let doorB = try #require(html.range(of: "DoorB (member 111111111111)"))
        let doorA = try #require(html.range(of: "DoorA (member 111111111111)"))
        #expect(doorB.lowerBound < doorA.lowerBound, "the door with a new critical pair comes first")
        #expect(html.contains("2 <span class=\"muted\">(1 critical, 1 low)</span>"))
        #expect(!html.contains("NewTarget") && !html.contains("GoneTarget"), "pairs are counted, not listed")
        #expect(HTMLMarkup.names(html).isSubset(of: HTMLMarkup.allowedElements))
    }

    @Test func anUnchangedDiffSaysSo() throws {
        let report = HistoryFixtures.report([HTMLFixtures.finding(through: "DoorA", target: "T", severity: .high)])
        #expect(try DiffFormat.html.render(SnapshotDiff(before: report, after: report)).contains("No pair appeared"))
    }
}
