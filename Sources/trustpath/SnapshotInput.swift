import ArgumentParser
import Foundation
import TrustPathIngest
import TrustPathModel
import TrustPathReport

/// Loads a snapshot directory for a command, turning a fatal input problem into a message and exit code 3.
enum SnapshotInput {
    static func load(_ directory: String) throws -> Snapshot {
        do {
            return try SnapshotLoader().load(directory: directory)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw TrustPathExit.badInput
        }
    }

    /// True when some file could not be used at all.
    static func hasUnreadableInput(_ snapshot: Snapshot) -> Bool {
        snapshot.diagnostics.contains { $0.severity == .error }
    }
}

/// Where a command's output goes: standard output, or a file written atomically.
struct OutputTarget {
    var path: String?

    func write(_ text: String) throws {
        if let path {
            try AtomicFile.write(text, to: path)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
