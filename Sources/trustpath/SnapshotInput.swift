import ArgumentParser
import Foundation
import TrustPathEscaping
import TrustPathModel
import TrustPathPipeline
import TrustPathReport

/// `--config FILE`, shared by the commands that read a snapshot directory.
struct ProjectFileOption: ParsableArguments {
    @Option(help: "The project file (vendors, crown jewels, trusted accounts, accepted risks). Default: DIRECTORY/trustpath.yml when present.",
            completion: .file(extensions: ["yml", "yaml"]))
    var config: String?
}

/// `--cloudtrail DIR`, for the commands that report doors and pairs.
struct CloudTrailOption: ParsableArguments {
    @Option(help: "CloudTrail logs as S3 delivers them (AWSLogs/…/*.json.gz, or plain .json): doors and pairs say which were used.",
            completion: .directory)
    var cloudtrail: String?

    /// The trail read, or nil without the option; a path that cannot be read at all exits 2.
    func load() throws -> EvidenceInput? {
        guard let cloudtrail else { return nil }
        do {
            return try Pipeline.loadTrail(cloudtrail)
        } catch {
            FileHandle.standardError.write(Data("error: \(Escape.terminal(error.description))\n".utf8))
            throw TrustPathExit.usage
        }
    }
}

/// Loads a snapshot directory and its project file for a command, turning a fatal problem into a message and
/// its exit code: 2 for a missing directory or a bad project file (nothing is analyzed), 3 for a snapshot that
/// cannot be read.
enum SnapshotInput {
    static func load(_ directory: String, config path: String? = nil, progress: Progress? = nil) throws -> PipelineInput {
        do {
            return try Pipeline.load(directory, configPath: path, progress: progress?.callback)
        } catch {
            progress?.finish()
            FileHandle.standardError.write(Data("error: \(Escape.terminal(error.description))\n".utf8))
            switch error {
            case .missingDirectory, .projectFile, .notOneSnapshot, .cloudTrail: throw TrustPathExit.usage
            case .snapshot: throw TrustPathExit.badInput
            }
        }
    }
}
