import Foundation
import TrustPathIngest
import TrustPathJSON
import TrustPathModel

/// A bare trust policy (pasted, or `aws iam get-role --query Role.AssumeRolePolicyDocument`): checked as the trust
/// of one role in the account.
enum TrustPolicyReader {
    static func read(_ value: JSONValue, file: String, account: String, lines: (JSONPath) -> Int?) -> CheckedFile {
        let (document, diagnostics) = PolicyDocumentReader.read(value, file: file)
        let name = file == "-" ? "checked-policy" : String(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
        let role = Role(arn: "arn:aws:iam::\(account):role/\(name)", name: name, path: "/", roleID: "CHECKED-\(name)",
                        account: account, partition: "aws", trustPolicy: document,
                        location: SourceLocation(file: file), trustLocation: SourceLocation(file: file))
        var statementLines: [Int: Int] = [:]
        switch value["Statement"] {
        case .array(let statements)?:
            for index in statements.indices {
                let statement = JSONPath.root.appending("Statement").appending(index)
                statementLines[index] = lines(statement.appending("Principal")) ?? lines(statement)
            }
        default:
            statementLines[0] = lines(JSONPath.root.appending("Statement").appending("Principal"))
        }
        return CheckedFile(file: file, kind: .trustPolicy,
                           roles: [CheckedRole(file: file, resource: nil, resourceLine: nil, role: role, statementLines: statementLines)],
                           diagnostics: diagnostics)
    }
}
