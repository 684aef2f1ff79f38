import Foundation
import TrustPathAnalysis
import TrustPathHistory
import TrustPathReport

/// What `DiagramWriter.write` produced.
public struct DiagramOutput: Sendable, Hashable {
    /// Paths written, relative to the output directory, sorted.
    public var files: [String]
    /// Findings drawn (after filters); each has its own set of files when per-finding diagrams are on.
    public var findings: Int
    /// True when the overview is drawn one node per account.
    public var collapsed: Bool
    /// Stale per-finding files from an earlier run that were removed.
    public var removed: [String]
}

/// Writes the diagrams of a report into a directory: `overview.dot` (+ `.svg`, `.png`) and
/// `findings/finding-….dot` (+ images) for each finding the options keep. Every file is written atomically.
/// The entry point for `trustpath render` and for any command that wants diagrams beside its report.
public enum DiagramWriter {
    /// Subdirectory of the per-finding diagrams.
    public static let findingsDirectory = "findings"
    public static let overviewName = "overview"

    public static func write(report: Report, to directory: String,
                             options: DiagramOptions = DiagramOptions()) throws(RenderError) -> DiagramOutput {
        let root = URL(fileURLWithPath: directory)
        var written: [String] = []
        try writeSet(DiagramBuilder.overview(report, options: options), name: overviewName, in: root,
                     formats: options.formats, written: &written)
        let findings = options.filter(report.findings)
        var removed: [String] = []
        if options.perFinding {
            var findingFiles: Set<String> = []
            for finding in findings {
                let name = findingsDirectory + "/" + DiagramFileName.finding(finding)
                var files: [String] = []
                try writeSet(DiagramBuilder.finding(finding, in: report), name: name, in: root,
                             formats: options.formats, written: &files)
                findingFiles.formUnion(files)
                written += files
            }
            removed = removeStale(in: root, keeping: findingFiles)
        }
        return DiagramOutput(files: written.sorted(), findings: findings.count,
                             collapsed: DiagramBuilder.overviewIsCollapsed(report, options: options), removed: removed)
    }

    /// Writes `NAME.dot` (+ images) of a diff: the chains of both snapshots, new and resolved ones distinguished.
    /// Returns the paths written, relative to the directory.
    public static func write(diff: SnapshotDiff, to directory: String, name: String = "diff",
                             formats: [ImageFormat] = ImageFormat.allCases) throws(RenderError) -> [String] {
        var written: [String] = []
        try writeSet(DiffDiagramBuilder.diagram(diff), name: name, in: URL(fileURLWithPath: directory),
                     formats: formats, written: &written)
        return written
    }

    /// `name.dot` and one image per format from a single layout.
    private static func writeSet(_ dot: String, name: String, in root: URL, formats: [ImageFormat],
                                 written: inout [String]) throws(RenderError) {
        try write(Data(dot.utf8), to: name + ".dot", in: root)
        written.append(name + ".dot")
        guard !formats.isEmpty else { return }
        let images = try GraphvizRenderer.shared.render(dot: dot, formats: formats)
        for format in formats {
            guard let data = images[format] else { continue }
            let file = name + "." + format.fileExtension
            try write(data, to: file, in: root)
            written.append(file)
        }
    }

    private static func write(_ data: Data, to relative: String, in root: URL) throws(RenderError) {
        let path = root.appendingPathComponent(relative).path
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw .writeFailed(path: path, message: error.localizedDescription)
        }
    }

    /// Per-finding files of an earlier run whose finding is gone (or filtered out), so the directory matches the
    /// report. Only names this writer makes are touched.
    private static func removeStale(in root: URL, keeping: Set<String>) -> [String] {
        let folder = root.appendingPathComponent(findingsDirectory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let extensions = Set(["dot"] + ImageFormat.allCases.map(\.fileExtension))
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix("finding-") {
            let relative = findingsDirectory + "/" + name
            guard extensions.contains((name as NSString).pathExtension), !keeping.contains(relative) else { continue }
            if (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil {
                removed.append(relative)
            }
        }
        return removed
    }
}
