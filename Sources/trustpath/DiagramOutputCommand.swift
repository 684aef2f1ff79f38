import ArgumentParser
import Foundation
import TrustPathEscaping
import TrustPathHistory
import TrustPathReport
import TrustPathRender
import TrustPathCompare

/// Writes diagrams for `render`, `analyze --diagrams` and `diff --diagram`, turning a rendering failure into a
/// message on standard error and a failing exit.
enum DiagramOutputCommand {
    /// Writes the diagrams and returns a one-line summary of what was written, safe for the terminal.
    @discardableResult
    static func write(_ report: Report, to directory: String, options: DiagramOptions = DiagramOptions()) throws -> String {
        let written = try rendering { () throws(RenderError) in
            try DiagramWriter.write(report: report, to: directory, options: options)
        }
        var summary = "Wrote \(written.files.count) files to \(directory): the overview"
        summary += written.collapsed ? " (one node per account)" : ""
        summary += options.perDoor ? " and \(written.doors) door diagram\(written.doors == 1 ? "" : "s")" : ""
        if !written.removed.isEmpty { summary += "; removed \(written.removed.count) stale files" }
        return Escape.terminal(summary) + "."
    }

    /// Writes the diff diagram and returns a one-line summary, safe for the terminal.
    static func write(_ diff: SnapshotDiff, to directory: String) throws -> String {
        let files = try rendering { () throws(RenderError) in try DiagramWriter.write(diff: diff, to: directory) }
        return Escape.terminal("Wrote \(files.joined(separator: ", ")) to \(directory).")
    }

    private static func rendering<T>(_ body: () throws(RenderError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            FileHandle.standardError.write(Data("error: \(Escape.terminal(error.description))\n".utf8))
            throw ExitCode.failure
        }
    }
}
