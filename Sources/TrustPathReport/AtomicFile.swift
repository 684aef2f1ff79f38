import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file beside the
/// target, which `rename(2)` then puts in its place in one step (an existing file is replaced whole).
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { sink in try data.withUnsafeBytes { try sink.write($0) } }
    }

    public static func write(_ text: String, to path: String) throws {
        // A report can be hundreds of megabytes: its bytes are written from the string itself, not a copy.
        try write(to: path) { sink in try sink.write(text) }
    }

    /// Writes `path` from what `produce` hands its sink, a piece at a time, so the whole text is never held.
    /// The pieces go to a temporary file beside `path`, renamed into place once `produce` returns; when
    /// producing or writing fails, the temporary file is removed, `path` stays as it was and the error is thrown.
    public static func write(to path: String, _ produce: (inout FileDescriptorSink) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw WriteFailure(code: errno) }
        var sink = FileDescriptorSink(descriptor: descriptor)
        var isOpen = true
        do {
            try produce(&sink)
            isOpen = false
            // close(2) reports what a delayed write found (a full disk on a network file system).
            guard close(descriptor) == 0 else { throw WriteFailure(code: errno) }
            // Foundation's replaceItemAt on Linux removes the old file before it moves the new one, and can
            // fail in between: rename(2) replaces atomically.
            guard rename(temporary, url.path) == 0 else { throw WriteFailure(code: errno) }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }
}
