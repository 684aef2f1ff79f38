import Foundation
import Testing

/// Golden files beside the tests. A missing golden file is written and the test fails, so nobody records one
/// by accident; set TRUSTPATH_RECORD=1 to rewrite them on purpose (the tests still fail that run).
enum Golden {
    static let fixtures = Paths.packageRoot.appendingPathComponent("Tests/TrustPathTests/Fixtures")

    /// Compares with `Fixtures/FOLDER/NAME`: `golden` holds reports, `render` holds DOT diagrams.
    static func assertMatches(_ actual: String, named name: String, in folder: String = "golden",
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let directory = fixtures.appendingPathComponent(folder)
        let url = directory.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["TRUSTPATH_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded golden file \(name); check it in and run again", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = firstDifference.map { "line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)" }
                ?? "lengths differ (\(expectedLines.count) vs \(actualLines.count) lines)"
            Issue.record("\(name) differs from the golden file at \(where_)", sourceLocation: sourceLocation)
        }
    }
}
