/// A problem that stops a snapshot from being read at all. Problems with single files are diagnostics instead.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    case notADirectory(String)
    case noInputFiles(String)
    /// Two files of the folder hold one entity with different content: two exports of one account, not pages of one.
    case conflictingExports(directory: String, entity: String, firstFile: String, secondFile: String)

    public var description: String {
        switch self {
        case .notADirectory(let path):
            "\(path): not a directory. Give the directory that holds the exported JSON files."
        case .noInputFiles(let path):
            "\(path): no .json files found. Export with `aws iam get-account-authorization-details > gaad.json` "
                + "(one file per account) and, optionally, `aws organizations describe-organization` and `list-accounts`."
        case .conflictingExports(let directory, let entity, let first, let second):
            "\(directory): \(first) and \(second) are two exports of one account (\(entity) differs between them), "
                + "not pages of one export. Point trustpath at one snapshot: a folder holding one export per account, "
                + "taken at one time (for two months, two folders, and `trustpath diff` to compare them)."
        }
    }
}
