import Testing
import TrustPathRemediation
@testable import TrustPathReport

/// A large organization's choke points are hundreds of fixes: the human reports list the first ones and count the
/// rest (the 1,000-account hub organization's text report was 1,058 lines, 630 of them choke points).
@Suite("Reports: choke point list")
struct ChokePointListTests {
    static func report(chokePoints count: Int) -> Report {
        var report = HTMLFixtures.report()
        report.chokePoints = (0..<count).map { HTMLFixtures.fix(HTMLFixtures.roleARN("Choke\($0)")) }
        report.uncuttableTargets = (0..<count).map { HTMLFixtures.roleARN("Uncuttable\($0)") }
        return report
    }

    @Test func textListsTheFirstTwentyAndCountsTheRest() {
        let text = TextReporter.render(Self.report(chokePoints: 25))
        #expect(text.contains("Choke points: 25 fix(es)"))
        #expect(text.components(separatedBy: "In the trust policy of role, statement 0").count - 1 <= 20 + 10)
        #expect(text.contains("… and 5 more (all of them: --format json, `chokePoints`)"))
        #expect(text.contains("Uncuttable19") && !text.contains("Uncuttable20") && text.contains("… and 5 more\n"))
    }

    @Test func markdownListsTheFirstTwentyAndCountsTheRest() {
        let markdown = MarkdownReporter.render(Self.report(chokePoints: 25))
        #expect(markdown.contains("- … and 5 more (all of them in the JSON report, `chokePoints`)"))
    }

    @Test func aShortListIsWhole() {
        let text = TextReporter.render(Self.report(chokePoints: 20))
        #expect(!text.contains("more (all of them"))
    }
}
