import Foundation
import Synchronization
import TrustPathJSON
import TrustPathModel

/// Reads a snapshot directory: every `.json` file below it, classified by content, read in parallel,
/// and merged in path order so the result does not depend on thread timing.
public struct SnapshotLoader: Sendable {
    /// Files larger than this are refused rather than read into memory.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = 2 << 30) {
        self.maximumFileSize = maximumFileSize
    }

    public func load(directory: String) throws(IngestError) -> Snapshot {
        let files = try inputFiles(in: directory)
        let contributions = Mutex([FileContribution?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let contribution = read(file: files[index], directory: directory)
            contributions.withLock { $0[index] = contribution }
        }
        let ordered = contributions.withLock { $0.map { $0 ?? .skipped("not read") } }
        return SnapshotMerger.merge(zip(files, ordered).map { ($0, $1) }, directory: directory)
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
        let url = URL(fileURLWithPath: directory).appendingPathComponent(file)
        func unreadable(_ code: String, _ message: String, hint: String, path: String = "$") -> FileContribution {
            var contribution = FileContribution(kind: .unreadable, detail: message)
            contribution.diagnostics = [Diagnostic(.error, code: code, message,
                                                   at: SourceLocation(file: file, jsonPath: path), hint: hint)]
            return contribution
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maximumFileSize else {
            return unreadable("file-too-large", "file is \(size) bytes, over the \(maximumFileSize)-byte limit",
                              hint: "split the export per account")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return unreadable("unreadable-file", "the file cannot be read", hint: "check its permissions")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse([UInt8](data))
        } catch {
            let hint = error.reason == .unexpectedEnd
                ? "the file looks cut short; export it again"
                : "fix the JSON or export the file again"
            return unreadable("invalid-json", "not valid JSON: \(error.description)", hint: hint,
                              path: error.path.description)
        }
        return FileClassifier.read(document, file: file)
    }
}
