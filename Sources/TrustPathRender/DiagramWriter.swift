import Foundation
import TrustPathAnalysis
import TrustPathCompare
import TrustPathReport

/// What `DiagramWriter.write` produced.
public struct DiagramOutput: Sendable, Hashable {
    /// Paths written, relative to the output directory, sorted.
    public var files: [String]
    /// Doors drawn (after filters); each has its own set of files when per-door diagrams are on.
    public var doors: Int
    /// True when the overview is drawn one node per account.
    public var collapsed: Bool
    /// Stale per-door (or older per-finding) files from an earlier run that were removed.
    public var removed: [String]
}

/// Writes the diagrams of a report into a directory: `overview.dot` (+ `.svg`, `.png`) and
/// `doors/door-ACCOUNT-ROLE-sINDEX.dot` (+ images) for each door the options keep, named as the report names them
/// (`DoorDiagramName`). Every file is written atomically. The entry point for `trustpath render` and for any
/// command that wants diagrams beside its report.
public enum DiagramWriter {
    /// Subdirectory of the per-door diagrams.
    public static let doorsDirectory = DoorDiagramName.directory
    /// Subdirectory where earlier versions wrote one diagram per finding; their files are removed.
    static let findingsDirectory = "findings"
    public static let overviewName = "overview"

    public static func write(report: Report, to directory: String,
                             options: DiagramOptions = DiagramOptions()) throws(RenderError) -> DiagramOutput {
        let root = URL(fileURLWithPath: directory)
        var written: [String] = []
        try writeSet(DiagramBuilder.overview(report, options: options), name: overviewName, in: root,
                     formats: options.formats, written: &written)
        let doors = options.filter(report.doors)
        var removed: [String] = []
        if options.perDoor {
            // Names from every door of the report, so a filtered run names each door as the unfiltered report does.
            let names = DoorDiagramName.files(report.doors.map { DoorKey(role: $0.role, statement: $0.statement) })
            let context = DoorContext(report, doors: doors, paths: doors.map(\.top.count).max() ?? 0)
            var doorFiles: Set<String> = []
            for door in doors {
                guard let name = names[DoorKey(role: door.role, statement: door.statement)] else { continue }
                var files: [String] = []
                try writeSet(DOTWriter.write(DiagramBuilder.doorDiagram(door, in: report, context: context)), name: name,
                             in: root, formats: options.formats, written: &files)
                doorFiles.formUnion(files)
                written += files
            }
            removed = removeStale(in: root, folder: doorsDirectory, prefix: "door-", keeping: doorFiles)
                + removeStale(in: root, folder: findingsDirectory, prefix: "finding-", keeping: [])
        }
        return DiagramOutput(files: written.sorted(), doors: doors.count,
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

    /// Per-door files of an earlier run whose door is gone (or filtered out), and per-finding files of older versions,
    /// so the directory matches the report. Only names this writer makes are touched.
    private static func removeStale(in root: URL, folder: String, prefix: String, keeping: Set<String>) -> [String] {
        let folderURL = root.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folderURL.path) else { return [] }
        let extensions = Set(["dot"] + ImageFormat.allCases.map(\.fileExtension))
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let relative = folder + "/" + name
            guard extensions.contains((name as NSString).pathExtension), !keeping.contains(relative) else { continue }
            if (try? FileManager.default.removeItem(at: folderURL.appendingPathComponent(name))) != nil {
                removed.append(relative)
            }
        }
        return removed
    }
}
