import Foundation
import Synchronization
import TrustPathJSON
import TrustPathModel

/// Why a CloudTrail directory could not be read at all (single bad files and records are diagnostics instead).
public enum CloudTrailLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(String)
    case noLogFiles(String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): no such directory or file; give the folder CloudTrail delivers to (the one holding AWSLogs/)"
        case .noLogFiles(let path):
            "\(path): no .json or .json.gz files below it; give the folder CloudTrail delivers to (the one holding AWSLogs/)"
        }
    }
}

/// Reads CloudTrail log files as S3 delivers them (`AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/*.json.gz`, or plain
/// `.json`), each `{"Records": [...]}`, into a `CloudTrailIndex`. Workers take one file at a time, inflate and parse
/// it, and keep only their own index: memory grows with the index and the workers' current files, not the trail.
public struct CloudTrailLoader: Sendable {
    /// Bad records reported per file before the rest are only counted.
    public var diagnosticsPerFile: Int
    /// Files larger than this on disk, or inflating past it, are refused.
    public var maximumFileSize: Int
    /// How many files are read at once.
    public var workers: Int

    public init(diagnosticsPerFile: Int = 10, maximumFileSize: Int = 1 << 30,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.diagnosticsPerFile = diagnosticsPerFile
        self.maximumFileSize = maximumFileSize
        self.workers = max(1, workers)
    }

    /// Every log file under `path` (or the one file `path`), read into one index, with what could not be read.
    public static func load(_ path: String) throws(CloudTrailLoadError) -> (index: CloudTrailIndex, diagnostics: [Diagnostic]) {
        try CloudTrailLoader().load(path)
    }

    public func load(_ path: String) throws(CloudTrailLoadError) -> (index: CloudTrailIndex, diagnostics: [Diagnostic]) {
        let (base, files) = try logFiles(at: path)
        let next = Mutex(0)
        let perWorker = orderedConcurrentMap(min(workers, files.count)) { _ -> (CloudTrailIndex, [Diagnostic]) in
            var index = CloudTrailIndex()
            var diagnostics: [Diagnostic] = []
            while true {
                let position = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard position < files.count else { break }
                let name = files[position]
                let full = base.isEmpty ? name : base + "/" + name
                read(file: full, named: name, into: &index, diagnostics: &diagnostics)
            }
            return (index, diagnostics)
        }
        var index = CloudTrailIndex()
        var diagnostics: [Diagnostic] = []
        for (partial, partialDiagnostics) in perWorker {
            index.merge(partial)
            diagnostics += partialDiagnostics
        }
        // By file only: a worker reads a whole file, so each file's diagnostics are already in record order
        // ("Records[10]" after "Records[9]", which text order would swap), and the sort is stable.
        return (index, diagnostics.sorted { ($0.location?.file ?? "") < ($1.location?.file ?? "") })
    }

    /// The directory files are relative to, and the `.json` / `.json.gz` files under it, sorted; hidden ones left out.
    func logFiles(at path: String) throws(CloudTrailLoadError) -> (String, [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
        guard isDirectory.boolValue else { return ("", [path]) }
        let base = URL(fileURLWithPath: path)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                               options: [.skipsHiddenFiles]) else { throw .notFound(path) }
        let basePath = base.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent.lowercased()
            guard name.hasSuffix(".json") || name.hasSuffix(".json.gz") else { continue }
            let full = url.standardizedFileURL.path
            files.append(full.hasPrefix(basePath + "/") ? String(full.dropFirst(basePath.count + 1)) : full)
        }
        guard !files.isEmpty else { throw .noLogFiles(path) }
        return (path, files.sorted())
    }

    /// Reads one file from disk into `index`; `name` is how diagnostics name it.
    func read(file path: String, named name: String, into index: inout CloudTrailIndex, diagnostics: inout [Diagnostic]) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumFileSize else {
            index.statistics.skippedFiles += 1
            diagnostics.append(Diagnostic(.error, code: "cloudtrail-file-too-large",
                                          "the file is \(size) bytes, over the \(maximumFileSize)-byte limit; skipped",
                                          at: SourceLocation(file: name), hint: "CloudTrail writes files of a few megabytes: is this a log?"))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            index.statistics.skippedFiles += 1
            diagnostics.append(Diagnostic(.error, code: "cloudtrail-unreadable", "the file cannot be read",
                                          at: SourceLocation(file: name), hint: "check its permissions"))
            return
        }
        read(bytes: [UInt8](data), named: name, into: &index, diagnostics: &diagnostics)
    }

    /// Reads one file's bytes (gzip or plain JSON, told apart by content) into `index`.
    public func read(bytes: [UInt8], named name: String, into index: inout CloudTrailIndex, diagnostics: inout [Diagnostic]) {
        var reading = LogFileReading(name: name, diagnosticsPerFile: diagnosticsPerFile)
        reading.read(bytes, maximumSize: maximumFileSize)
        index.merge(reading.index)
        diagnostics += reading.diagnostics
    }
}
