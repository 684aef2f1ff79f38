/// A problem that stops a snapshot from being read at all. Problems with single files are diagnostics instead.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    case notADirectory(String)
    case noInputFiles(String)

    public var description: String {
        switch self {
        case .notADirectory(let path):
            "\(path): not a directory. Give the directory that holds the exported JSON files."
        case .noInputFiles(let path):
            "\(path): no .json files found. Export with `aws iam get-account-authorization-details > gaad.json` "
                + "(one file per account) and, optionally, `aws organizations describe-organization` and `list-accounts`."
        }
    }
}
