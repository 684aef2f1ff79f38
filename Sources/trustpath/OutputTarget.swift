import Foundation
import TrustPathEscaping
import TrustPathReport

/// Where a command's output goes: standard output, written as it is made, or a file written atomically. A failure
/// to write exits 5, naming the path (or standard output) and the system's reason; a reader that closed the pipe
/// is not told anything.
struct OutputTarget {
    var path: String?

    func write(_ text: String) throws {
        try stream { try $0.write(text) }
    }

    /// Hands `produce` the sink of this target. Standard output gets each piece as it comes; a file gets them in a
    /// temporary file renamed into place at the end, so a failure leaves no half file and keeps an earlier one.
    func stream(_ produce: (inout FileDescriptorSink) throws -> Void) throws {
        // An error of `produce` itself (not of writing) passes through as it is.
        var failedToProduce: (any Error)?
        func guarded(_ sink: inout FileDescriptorSink) throws {
            do { try produce(&sink) } catch let failure as WriteFailure { throw failure } catch {
                failedToProduce = error
                throw error
            }
        }
        do {
            if let path {
                try AtomicFile.write(to: path, guarded)
            } else {
                var sink = FileDescriptorSink(descriptor: STDOUT_FILENO)
                try guarded(&sink)
            }
        } catch {
            if let failedToProduce { throw failedToProduce }
            if let failure = error as? WriteFailure, failure.isBrokenPipe, path == nil { throw TrustPathExit.cannotWrite }
            let name = path.map(Escape.terminal) ?? "standard output"
            FileHandle.standardError.write(Data("error: cannot write \(name): \(error.localizedDescription)\n".utf8))
            throw TrustPathExit.cannotWrite
        }
    }
}
