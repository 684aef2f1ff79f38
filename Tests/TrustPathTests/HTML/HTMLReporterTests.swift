import Foundation
import Testing
import TrustPathAnalysis
import TrustPathReport

/// The page says what the report says: coverage first, the doors with what lies behind them and how to close
/// them, counts of pairs but never the pairs, and a bounded size however many doors there are.
@Suite("HTML: report page")
struct HTMLReporterTests {
    static let report = HTMLFixtures.report()
    static let html = HTMLReporter.render(report)

    @Test func theDoorsAreShownWorstFirstWithEntriesBehindAndFix() throws {
        let html = Self.html
        let first = try #require(html.range(of: "Door1 (prod 111111111111)"))
        let second = try #require(html.range(of: "Door2 (prod 111111111111)"))
        let third = try #require(html.range(of: "Door3 (prod 111111111111)"))
        #expect(first.lowerBound < second.lowerBound && second.lowerBound < third.lowerBound)
        #expect(html.contains("anyone (Principal *)"))
        #expect(html.contains("also 2 outside accounts"))
        #expect(html.contains("vendor Vendor 999900001111"))
        #expect(html.contains("3 critical, 1 high — 4 roles"), "what lies behind the first door")
        #expect(html.contains("TargetDoor1 (prod 111111111111)"), "the worst target behind it")
        #expect(html.contains("<ol class=\"path\"><li>vendor Vendor 999900001111</li>"), "its chain starts at the entry")
        #expect(html.contains("<b>Close it:</b> In the trust policy of role"))
        #expect(html.contains("role last used 2026-09-30 in eu-west-1"))
        #expect(html.contains("<section class=\"door critical\" id=\"door-1\">"))
        #expect(html.contains("<section class=\"door low\" id=\"door-3\">"))
    }

    @Test func theSummaryCountsDoorsAndPairsButNeverListsAPair() {
        let html = Self.html
        #expect(html.contains("<b>3</b>doors<br><span class=\"muted\">1 critical, 1 high, 0 medium, 1 low</span>"))
        #expect(html.contains("<b>2</b>pairs (entry, role)"))
        #expect(!html.contains("PairOnlyTarget") && !html.contains("OtherPairTarget"),
                "a pair's target that is no door's top target is not on the page")
    }

    @Test func coverageComesFirstAndNamesWhatWasNotRead() throws {
        let html = Self.html
        let coverage = try #require(html.range(of: "id=\"coverage\""))
        let doors = try #require(html.range(of: "id=\"doors\""))
        #expect(coverage.lowerBound < doors.lowerBound)
        #expect(html.contains("1 file was not used"))
        #expect(html.contains("<code>odd.json</code>"))
        #expect(html.contains("0 errors, 1 warning, 0 notes"))
        #expect(html.contains("<li>assume</li>"))
        #expect(html.contains("No trust-policy change cuts these roles off"))
    }

    @Test func manyDoorsAreBoundedAndTheRestCounted() {
        let extra = HTMLLimits.doorsInFull + HTMLLimits.doorsListed + 57
        let report = HTMLFixtures.report(doors: extra)
        let html = HTMLReporter.render(report)
        let sections = html.components(separatedBy: "<section class=\"door").count - 1
        #expect(sections == HTMLLimits.doorsInFull)
        #expect(html.contains("… and 60 more doors in the JSON output."), "3 doors of the fixture, 57 beyond the bounds")
        let perDoor = Double(html.utf8.count) / Double(HTMLLimits.doorsInFull + HTMLLimits.doorsListed)
        #expect(perDoor < 2_000, "the page grows by \(perDoor) bytes per shown door")
        #expect(HTMLReporter.render(HTMLFixtures.report(doors: extra * 3)).utf8.count < html.utf8.count + 200,
                "more doors beyond the bound add only to a count")
    }

    @Test func aReportWithoutDoorsSaysWhyInsteadOfClaimingNone() {
        var report = Self.report
        report.doors = []
        #expect(HTMLReporter.render(report).contains("This report holds no doors, yet it counts 2 pairs"))
        report.findings = []
        report.summary = ReportSummary(findings: [])
        #expect(HTMLReporter.render(report).contains("No door: no trust statement lets anyone outside"))
    }

    @Test func diagramsAreInlinedUnderTheirDoorAndThePageHasNoScript() throws {
        let svg = "<?xml version=\"1.0\"?><svg id=\"door-one-diagram\"><g/></svg>"
        let door = try #require(Self.report.doors.first)
        let html = HTMLReporter.render(Self.report, diagrams: [door.id: svg])
        let diagram = try #require(html.range(of: "<div class=\"diagram\"><svg id=\"door-one-diagram\">"))
        let second = try #require(html.range(of: "id=\"door-2\""))
        #expect(diagram.lowerBound < second.lowerBound, "drawn inside the first door's section")
        #expect(!html.contains("<?xml"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""),
                "the page forbids scripts and fetching")
    }

    @Test func theFormatIsSelectableLikeTheOthers() throws {
        #expect(OutputFormat(rawValue: "html") == .html)
        #expect(try OutputFormat.html.render(Self.report) == Self.html)
    }
}

extension HTMLReporterTests {
    @Test func manyChokePointsAreBoundedToo() {
        var report = Self.report
        let fix = report.chokePoints[0]
        report.chokePoints = Array(repeating: fix, count: HTMLLimits.chokePointsInFull + HTMLLimits.chokePointsListed + 9)
        let html = HTMLReporter.render(report)
        #expect(html.components(separatedBy: "<div class=\"fix\">").count - 1 == HTMLLimits.chokePointsInFull + 3,
                "the first choke points in full, plus the three doors' fixes")
        #expect(html.contains("… and 9 more choke points in the JSON output."))
    }
}
