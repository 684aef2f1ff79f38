import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GRDB
import Testing
import TrustPathAnalysis
@testable import TrustPathHistory
import TrustPathReport

/// The trend: per saved snapshot, doors and pairs by severity, drawn by TrustPath's own chart code.
@Suite("HTML: trend")
struct TrendTests {
    static func store(_ temp: TemporaryDirectory) throws -> HistoryStore {
        let store = try HistoryStore(path: temp.file("h.sqlite"))
        var first = HTMLFixtures.report()
        first.snapshot.directory = "q1"
        var second = HTMLFixtures.report(doors: 2)
        second.findings.removeLast()
        second.snapshot.directory = "q2"
        // Saved out of order: the trend follows taken-at.
        try store.save(second, label: "q2", takenAt: HistoryFixtures.date("2026-04-01"), contentHash: "sha256:2")
        try store.save(first, label: "q1", takenAt: HistoryFixtures.date("2026-01-01"), contentHash: "sha256:1")
        return store
    }

    @Test func countsDoorsAndPairsBySeverityPerSnapshotOldestFirst() throws {
        let temp = try TemporaryDirectory()
        let trend = try Self.store(temp).trend()
        #expect(trend.map(\.label) == ["q1", "q2"])
        #expect(trend.map(\.doors) == [3, 5])
        #expect(trend[0].doorsBySeverity == ["critical": 1, "high": 1, "medium": 0, "low": 1])
        #expect(trend[1].doorsBySeverity == ["critical": 1, "high": 1, "medium": 2, "low": 1])
        #expect(trend.map(\.pairs) == [2, 1])
        #expect(trend[1].pairsBySeverity == ["critical": 1, "high": 0, "medium": 0, "low": 0])
    }

    @Test func aReportSavedBeforeDoorsCountsNoDoorsAndStillItsPairs() throws {
        let temp = try TemporaryDirectory()
        let store = try Self.store(temp)
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try db.execute(sql: "UPDATE snapshot SET report = json_remove(report, '$.doors') WHERE label = 'q1'") }
        let trend = try store.trend()
        #expect(trend[0].doors == 0 && trend[0].pairs == 2)
        #expect(trend[1].doors == 5)
        #expect(try store.history().trend == trend, "history --format json carries the trend")
    }

    @Test func theChartIsWellFormedSVGWithAPointPerSnapshot() throws {
        let columns = [TrendChart.Column(label: "jan <&>", bySeverity: ["critical": 4, "high": 2]),
                       TrendChart.Column(label: "feb", bySeverity: ["critical": 1, "low": 7]),
                       TrendChart.Column(label: "mar", bySeverity: [:])]
        let svg = TrendChart.svg(title: "Doors \"by\" severity", unit: "doors", columns: columns)
        let elements = try Self.elements(svg)
        #expect(elements.filter { $0 == "circle" }.count == 3)
        #expect(elements.filter { $0 == "polygon" }.count == 3, "one area per severity present (critical, high, low)")
        #expect(svg.contains("<title>jan &lt;&amp;&gt;: 6 doors (4 critical, 2 high, 0 medium, 0 low)</title>"))
        #expect(!svg.contains("<script"))
        #expect(try Self.elements(TrendChart.svg(title: "t", unit: "u", columns: [])).contains("text"))
        #expect(try Self.elements(TrendChart.svg(title: "t", unit: "u", columns: [columns[0]])).contains("polygon"),
                "a single snapshot draws a column")
    }

    @Test func theAxisEndsOnARoundNumber() {
        #expect(TrendChart.scale(0) == (1, 1))
        #expect(TrendChart.scale(3) == (3, 1))
        #expect(TrendChart.scale(7) == (8, 2))
        #expect(TrendChart.scale(10) == (10, 2))
        #expect(TrendChart.scale(23) == (25, 5))
        #expect(TrendChart.scale(4_321) == (5_000, 1_000))
    }

    @Test func theHistoryPageShowsTheTrendAndOnlyCountsPairs() throws {
        let temp = try TemporaryDirectory()
        let history = try Self.store(temp).history()
        let html = try HistoryFormat.html.render(history)
        #expect(html.contains("Doors by severity") && html.contains("Pairs (entry, role) by severity"))
        #expect(html.contains("<td>#2 q1</td>") && html.contains("<td>#1 q2</td>"), "the snapshot table, by taken-at")
        #expect(html.contains("1 pair fixed"))
        #expect(!html.contains("OtherPairTarget"), "pairs are counted, not listed")
        #expect(try HistoryFormat.json.render(history).contains("\"doorsBySeverity\""))
    }

    /// The element names of an XML document, in order; throws when it does not parse.
    static func elements(_ xml: String) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) { names.append(name) }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw CocoaError(.propertyListReadCorrupt) }
        return collector.names
    }
}
