import Testing
import TrustPathReport

/// The demo reports in every format, compared with golden files.
@Suite("Golden reports")
struct GoldenReportTests {
    @Test(arguments: [Demo.october, Demo.november])
    func reportsMatchGoldenFiles(snapshot: String) throws {
        let report = try Demo.report(snapshot)
        Golden.assertMatches(try OutputFormat.json.render(report), named: "\(snapshot).json")
        Golden.assertMatches(try OutputFormat.text.render(report), named: "\(snapshot).txt")
        Golden.assertMatches(try OutputFormat.markdown.render(report), named: "\(snapshot).md")
        Golden.assertMatches(try OutputFormat.sarif.render(report), named: "\(snapshot).sarif")
    }

    @Test func colorsOnlyWhenAsked() throws {
        let report = try Demo.report(Demo.october)
        #expect(!(try OutputFormat.text.render(report)).contains("\u{1B}["))
        #expect((try OutputFormat.text.render(report, options: RenderOptions(color: true))).contains("\u{1B}[1;31m"))
    }
}
