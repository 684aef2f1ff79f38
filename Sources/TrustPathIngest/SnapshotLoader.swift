import Foundation
import TrustPathJSON
import TrustPathModel

/// Reads a snapshot directory: every `.json` file below it, classified by content, read in parallel,
/// and merged in path order so the result does not depend on thread timing.
public struct SnapshotLoader: Sendable {
    /// Files larger than this are refused rather than read into memory.
    public var maximumFileSize: Int
    /// Told what the loader is doing, for progress on a terminal.
    public var progress: (@Sendable (String) -> Void)?

    public init(maximumFileSize: Int = 2 << 30, progress: (@Sendable (String) -> Void)? = nil) {
        self.maximumFileSize = maximumFileSize
        self.progress = progress
    }

    public func load(directory: String) throws(IngestError) -> Snapshot {
        let files = try inputFiles(in: directory)
        progress?("loading \(files.count) files…")
        let contributions = orderedConcurrentMap(files.count) { read(file: files[$0], directory: directory) }
        let (snapshot, conflict) = SnapshotMerger.mergeChecked(zip(files, contributions).map { ($0, $1) }, directory: directory)
        if let conflict {
            throw .conflictingExports(directory: directory, entity: conflict.entity, firstFile: conflict.firstFile,
                                      secondFile: conflict.secondFile)
        }
        return snapshot
    }

    /// Reads documents already in memory like `load(directory:)`, stopping on two exports of one account.
    public func checkedLoad(documents: [(path: String, bytes: [UInt8])], directory: String = "(memory)") throws(IngestError) -> Snapshot {
        let sorted = documents.sorted { $0.path < $1.path }
        let contributions = sorted.map { read(bytes: $0.bytes, file: $0.path) }
        let (snapshot, conflict) = SnapshotMerger.mergeChecked(zip(sorted.map(\.path), contributions).map { ($0, $1) },
                                                               directory: directory)
        if let conflict {
            throw .conflictingExports(directory: directory, entity: conflict.entity, firstFile: conflict.firstFile,
                                      secondFile: conflict.secondFile)
        }
        return snapshot
    }

    /// Reads documents already in memory, as if they were the files of a snapshot directory. Two exports of one
    /// account stay in the snapshot as `conflicting-exports` errors (the first file in path order wins).
    public func load(documents: [(path: String, bytes: [UInt8])], directory: String = "(memory)") -> Snapshot {
        let sorted = documents.sorted { $0.path < $1.path }
        let contributions = sorted.map { read(bytes: $0.bytes, file: $0.path) }
        return SnapshotMerger.merge(zip(sorted.map(\.path), contributions).map { ($0, $1) }, directory: directory)
    }

    /// Relative paths of the `.json` files under `directory`, sorted; hidden files and folders are left out.
    func inputFiles(in directory: String) throws(IngestError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(directory)
        }
        let base = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                               options: [.skipsHiddenFiles]) else {
            throw .notADirectory(directory)
        }
        var paths: [String] = []
        let basePath = base.standardizedFileURL.path
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "json" {
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(basePath + "/") ? String(full.dropFirst(basePath.count + 1)) : full
            paths.append(relative)
        }
        guard !paths.isEmpty else { throw .noInputFiles(directory) }
        return paths.sorted()
    }

    func read(file: String, directory: String) -> FileContribution {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(file).path
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumFileSize else {
            return .unreadable(file, "file-too-large", "file is \(size) bytes, over the \(maximumFileSize)-byte limit",
                               hint: "split the export per account")
        }
        guard let bytes = FileBytes.read(path, expectedSize: size) else {
            return .unreadable(file, "unreadable-file", "the file cannot be read", hint: "check its permissions")
        }
        return read(bytes: bytes, file: file)
    }

    func read(bytes: [UInt8], file: String) -> FileContribution {
        do {
            // Only the default version of a managed policy is read (EntityDecoder), so the others are not built.
            return FileClassifier.read(try JSONParser.parse(bytes, onlyDefaultPolicyVersions: true), file: file)
        } catch {
            let hint = error.reason == .unexpectedEnd ? "the file looks cut short; export it again"
                : error.reason == .invalidUTF8 ? "the file is not UTF-8 text; export it again with the AWS CLI"
                : "fix the JSON or export the file again"
            return .unreadable(file, "invalid-json", "not valid JSON: \(error.description)", hint: hint,
                               path: error.path.description)
        }
    }
}

extension FileContribution {
    static func unreadable(_ file: String, _ code: String, _ message: String, hint: String, path: String = "$") -> FileContribution {
        var contribution = FileContribution(kind: .unreadable, detail: message)
        contribution.diagnostics = [Diagnostic(.error, code: code, message, at: SourceLocation(file: file, jsonPath: path),
                                               hint: hint)]
        return contribution
    }
}
