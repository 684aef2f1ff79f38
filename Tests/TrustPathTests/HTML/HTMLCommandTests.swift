import Foundation
import Testing
import TrustPathReport

/// `--format html` from the command line: the diagrams drawn in, the trend added with `--db`.
@Suite("HTML: command line")
struct HTMLCommandTests {
    @Test func analyzeWritesOnePageWithTheOverviewDrawnIn() throws {
        let temp = try TemporaryDirectory()
        let page = temp.file("report.html")
        let run = try CommandLineTests.run(["analyze", "Inputs/acme-2026-10", "--format", "html", "--output", page])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let report = try Demo.report(Demo.october)
        #expect(html.components(separatedBy: "<svg").count - 1 == 1 + min(report.doors.count, HTMLLimits.doorsWithDiagram),
                "the overview and each door's diagram, inlined")
        #expect(!html.contains("<?xml") && !html.contains("<!DOCTYPE svg") && !html.lowercased().contains("<script"))
        #expect(html.contains("<b>\(report.findings.count)</b>pairs (entry, role)"))
    }

    @Test func theTrendNeedsTheHTMLFormatAndAHistory() throws {
        let temp = try TemporaryDirectory()
        let db = temp.file("h.sqlite")
        let misuse = try CommandLineTests.run(["analyze", "Inputs/acme-2026-10", "--db", db])
        #expect(misuse.status != 0 && misuse.stderr.contains("--db adds the trend to the HTML report"))
        let missing = try CommandLineTests.run(["analyze", "Inputs/acme-2026-10", "--format", "html", "--db", db])
        #expect(missing.status != 0 && missing.stdout.isEmpty, "no page without the named history")
        for (label, input, date) in [("oct", "Inputs/acme-2026-10", "2026-10-01"), ("nov", "Inputs/acme-2026-11", "2026-11-01")] {
            let save = try CommandLineTests.run(["snapshot", "save", input, "--db", db, "--label", label, "--taken-at", date])
            #expect(save.status == 0, "\(save.stderr)")
        }
        let page = try CommandLineTests.run(["analyze", "Inputs/acme-2026-11", "--format", "html", "--db", db])
        #expect(page.status == 0)
        #expect(page.stdout.contains("<h2 id=\"trend\">Trend</h2>") && page.stdout.contains("<td>#2 nov</td>"))
        let history = try CommandLineTests.run(["history", "--db", db, "--format", "html"])
        #expect(history.status == 0 && history.stdout.contains("Pairs (entry, role) by severity"))
        let diff = try CommandLineTests.run(["diff", "db:oct", "db:nov", "--db", db, "--format", "html"])
        #expect(diff.status == 0 && diff.stdout.contains("<h2 id=\"doors\">Doors that changed</h2>"))
        #expect(diff.stdout.contains("New chains red, resolved green."), "the diff diagram, inlined")
    }
}
