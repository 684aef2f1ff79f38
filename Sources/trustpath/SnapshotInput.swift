import ArgumentParser
import Foundation
import TrustPathAnalysis
import TrustPathConfig
import TrustPathIngest
import TrustPathModel
import TrustPathReport

/// `--config FILE`, shared by the commands that read a snapshot directory.
struct ProjectFileOption: ParsableArguments {
    @Option(help: "The project file (vendors, crown jewels, trusted accounts, accepted risks). Default: DIRECTORY/trustpath.yml when present.",
            completion: .file(extensions: ["yml", "yaml"]))
    var config: String?
}

/// A snapshot with its project file applied, as every command reads it.
struct ProjectInput {
    var snapshot: Snapshot
    var config: ProjectConfig

    /// Analysis options carrying the project file's vendors, crown jewels and accepted risks.
    func options(maxPaths: Int = 3, progress: Progress? = nil) -> AnalysisOptions {
        AnalysisOptions(maxPaths: maxPaths, vendorNames: config.vendorNames, config: config,
                        progress: progress?.callback)
    }
}

/// Loads a snapshot directory and its project file for a command, turning a fatal problem into a message and
/// its exit code: 2 for a bad project file (nothing is analyzed), 3 for a snapshot that cannot be read.
enum SnapshotInput {
    static func load(_ directory: String, config path: String? = nil, progress: Progress? = nil) throws -> ProjectInput {
        let config: ProjectConfig
        do {
            config = try ProjectConfigLoader.load(explicit: path, snapshotDirectory: directory)
        } catch {
            progress?.finish()
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw TrustPathExit.usage
        }
        do {
            var snapshot = try SnapshotLoader(progress: progress?.callback).load(directory: directory)
            config.apply(to: &snapshot)
            return ProjectInput(snapshot: snapshot, config: config)
        } catch {
            progress?.finish()
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
