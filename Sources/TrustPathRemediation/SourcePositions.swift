import Foundation
import TrustPathAnalysis
import TrustPathEngine
import TrustPathJSON
import TrustPathModel

/// Where things are in the input files: each fix as a byte-range edit, and each entry statement's line.
/// The source stage's own value; the report joins it with the analysis and the plan.
public struct SourceIndex: Sendable {
    public var edits: [Fix: FileEdit]
    /// Per file, per JSON path: where the value starts.
    public var regions: [String: [String: SourceRegion]]

    public init(edits: [Fix: FileEdit] = [:], regions: [String: [String: SourceRegion]] = [:]) {
        self.edits = edits
        self.regions = regions
    }

    /// Where a statement starts; for a policy stored URL-encoded (no lines of its own), where its role's trust
    /// policy string starts.
    public func region(of statement: StatementReference, index: SnapshotIndex) -> SourceRegion? {
        guard let inFile = regions[statement.file] else { return nil }
        let fallback = index.rolesByARN[statement.owner]?.trustLocation.jsonPath
        return inFile[statement.jsonPath] ?? fallback.flatMap { inFile[$0] }
    }

    /// The fix with its edit, when one was made.
    public func located(_ fix: Fix) -> Fix {
        var located = fix
        located.edit = edits[fix]
        return located
    }

    /// The plan with every fix's edit filled in.
    public func applied(to plan: RemediationPlan) -> RemediationPlan {
        var plan = plan
        FixEdits.apply(edits, to: &plan)
        return plan
    }
}

/// What reports need from the input files beyond the analysis: each fix as a byte-range edit and each door's
/// statement as a line. The pipeline's source stage.
public enum SourcePositions {
    /// Reads the files from `directory`. An export lists its roles before the megabytes of managed policy
    /// versions, so the first quarter of a file is read first; the whole file only when a wanted value is not
    /// complete in that part.
    /// The positions of a plan's fixes and statements in the files under `directory`.
    public static func locate(_ plan: RemediationPlan, index: SnapshotIndex, directory: String,
                              prefix: @Sendable @escaping (Int) -> Int = { max(1 << 16, $0 / 4) }) -> SourceIndex {
        let base = URL(fileURLWithPath: directory)
        return locate(plan, index: index) { file, wholeFile in
            let path = base.appendingPathComponent(file).path
            if wholeFile { return FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return (try? handle.read(upToCount: prefix(size))).map { [UInt8]($0) } ?? []
        }
    }

    /// The same, reading each file whole with `read`.
    public static func locate(_ plan: RemediationPlan, index: SnapshotIndex, read: @Sendable @escaping (String) -> [UInt8]?) -> SourceIndex {
        locate(plan, index: index) { file, _ in read(file) }
    }

    /// Each input file is walked once for both parts, files in parallel when there are many, and its bytes are
    /// dropped as soon as the file is done: at a thousand accounts the exports are hundreds of megabytes.
    /// `read(file, true)` gives the whole file, `read(file, false)` may give only its start.
    static func locate(_ plan: RemediationPlan, index: SnapshotIndex,
                       read: @Sendable (String, _ wholeFile: Bool) -> [UInt8]?) -> SourceIndex {
        let fixes = FixEdits.fixesByFile(plan, index: index)
        let paths = StatementLines.pathsByFile(plan, index: index)
        let files = Set(fixes.keys).union(paths.keys).sorted()
        // Threads only for snapshots of many files.
        let perFile = orderedConcurrentMap(files.count, threshold: 16) { position in
            let file = files[position]
            let fixPaths = FixEdits.located(fixes[file] ?? [], index: index)
            let linePaths = StatementLines.located(paths[file] ?? [])
            guard let (bytes, ranges) = locate(fixPaths.map(\.1) + linePaths.map(\.1), file: file, read: read) else {
                return ([Fix: FileEdit](), [String: SourceRegion]?.none)
            }
            return (FixEdits.edits(fixPaths, ranges: ranges, file: file, bytes: bytes),
                    linePaths.isEmpty ? nil : StatementLines.regions(linePaths, ranges: ranges, bytes: bytes))
        }
        var edits: [Fix: FileEdit] = [:]
        var regions: [String: [String: SourceRegion]] = [:]
        for (file, (made, found)) in zip(files, perFile) {
            edits.merge(made) { first, _ in first }
            regions[file] = found
        }
        return SourceIndex(edits: edits, regions: regions)
    }

    /// The file's bytes (its start when that holds every wanted value whole) and where the values are. A value
    /// ending exactly where a partial read ends may be cut short (a number, say), so then the whole file is read.
    private static func locate(_ paths: [JSONPath], file: String, read: (String, Bool) -> [UInt8]?)
        -> ([UInt8], [JSONPath: Range<Int>])? {
        let wanted = Set(paths)
        if let start = read(file, false) {
            let ranges = JSONLocator.ranges(of: Array(wanted), in: start)
            if ranges.count == wanted.count, ranges.values.allSatisfy({ $0.upperBound < start.count }) { return (start, ranges) }
        }
        guard let bytes = read(file, true) else { return nil }
        return (bytes, JSONLocator.ranges(of: Array(wanted), in: bytes))
    }
}
