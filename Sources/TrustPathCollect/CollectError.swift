/// Why a collection could not start at all (a usage problem); accounts that cannot be read are not errors
/// but entries of the manifest's `Missing` list.
public enum CollectError: Error, Sendable, Equatable, CustomStringConvertible {
    case awsNotFound
    case awsUnusable(String, String)
    case callerUnknown(String)
    case outputNotWritable(String, String)

    public var description: String {
        switch self {
        case .awsNotFound:
            "the AWS CLI (aws) is not on PATH. Install it with AWS's installer "
                + "(https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html) or with "
                + "`pip install awscli`, configure your credentials (aws configure, or aws sso login), and run again"
        case .awsUnusable(let path, let output):
            "\(path) --version did not answer as the AWS CLI does (\(output)); check the installation"
        case .callerUnknown(let message):
            "aws sts get-caller-identity failed, so no credentials are usable: \(message). "
                + "Check `aws sts get-caller-identity` (and --profile) works, then run again"
        case .outputNotWritable(let path, let message):
            "cannot write to \(path): \(message)"
        }
    }
}
