import Foundation
import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathIngest
import TrustPathModel

/// A role for a hand-written test snapshot.
struct RoleSpec {
    var name: String
    var account: String
    /// The trust policy's `Statement` array or object, as JSON text.
    var trust: String
    /// Inline policy documents, as JSON text.
    var inline: [String] = []
    var managed: [String] = []
    var boundary: String?
    var path = "/"
    var partition = "aws"
    var roleID: String?
    var tags: [String: String] = [:]

    var arn: String { "arn:\(partition):iam::\(account):role\(path)\(name)" }
}

/// Builds small snapshots from JSON written in the tests and runs the real loader and analyzer on them.
struct TestWorld {
    var roles: [RoleSpec] = []
    /// Customer managed policies by ARN: the default version's document.
    var policies: [String: String] = [:]
    var organizationID: String?
    var members: [String] = []
    var extraFiles: [String: String] = [:]

    static let managementAccount = "100000000000"

    func files() -> [(path: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        let accounts = Set(roles.map(\.account)).sorted()
        for account in accounts {
            let accountRoles = roles.filter { $0.account == account }.enumerated().map { offset, role in
                roleJSON(role, serial: offset)
            }
            let accountPolicies = policies.filter { $0.key.contains(":\(account):") }.sorted { $0.key < $1.key }.map {
                """
                {"PolicyName": "\($0.key.split(separator: "/").last ?? "")", "Arn": "\($0.key)", "DefaultVersionId": "v1",
                 "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": \($0.value)}]}
                """
            }
            let text = """
            {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [\(accountRoles.joined(separator: ","))],
             "Policies": [\(accountPolicies.joined(separator: ","))], "IsTruncated": false}
            """
            files.append(("gaad-\(account).json", Array(text.utf8)))
        }
        if let organizationID {
            // The management account is kept apart from the members: SCPs do not apply to it.
            let management = Self.managementAccount
            files.append(("org.json", Array("""
            {"Organization": {"Id": "\(organizationID)", "Arn": "arn:aws:organizations::\(management):organization/\(organizationID)",
             "MasterAccountId": "\(management)"}}
            """.utf8)))
            let accounts = ([management] + members).map { "{\"Id\": \"\($0)\", \"Name\": \"acct-\($0)\", \"Status\": \"ACTIVE\"}" }
            files.append(("accounts.json", Array("{\"Accounts\": [\(accounts.joined(separator: ","))]}".utf8)))
        }
        for (path, text) in extraFiles { files.append((path, Array(text.utf8))) }
        return files
    }

    private func roleJSON(_ role: RoleSpec, serial: Int) -> String {
        let inline = role.inline.enumerated().map { "{\"PolicyName\": \"inline\($0.offset)\", \"PolicyDocument\": \($0.element)}" }
        let managed = role.managed.map { "{\"PolicyName\": \"\($0.split(separator: "/").last ?? "")\", \"PolicyArn\": \"\($0)\"}" }
        let boundary = role.boundary.map {
            ", \"PermissionsBoundary\": {\"PermissionsBoundaryType\": \"Policy\", \"PermissionsBoundaryArn\": \"\($0)\"}"
        } ?? ""
        let id = role.roleID ?? "AROA\(role.account)\(String(format: "%05d", serial))"
        let tags = role.tags.sorted { $0.key < $1.key }.map { "{\"Key\": \"\($0.key)\", \"Value\": \"\($0.value)\"}" }
        return """
        {"RoleName": "\(role.name)", "Path": "\(role.path)", "Arn": "\(role.arn)", "RoleId": "\(id)",
         "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": \(role.trust)},
         "RolePolicyList": [\(inline.joined(separator: ","))], "AttachedManagedPolicies": [\(managed.joined(separator: ","))],
         "Tags": [\(tags.joined(separator: ","))]\(boundary)}
        """
    }

    /// The snapshot; a file the loader could not use fails the calling test, since test worlds are meant to be clean.
    func snapshot() -> Snapshot {
        let snapshot = SnapshotLoader().load(documents: files())
        let errors = snapshot.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "test world has unreadable input: \(errors)")
        return snapshot
    }

    func analyze(maxPaths: Int = 3) -> AnalysisResult { Analyzer.analyze(snapshot(), options: AnalysisOptions(maxPaths: maxPaths)) }

    func hop(_ actor: Actor, _ target: String) -> HopVerdict {
        HopEvaluator(index: SnapshotIndex(snapshot())).evaluate(actor, to: target)
    }
}

/// A one-statement trust policy.
func trust(_ principal: String, action: String = "sts:AssumeRole", condition: String? = nil, effect: String = "Allow") -> String {
    let conditionText = condition.map { ", \"Condition\": \($0)" } ?? ""
    return "[{\"Effect\": \"\(effect)\", \"Principal\": \(principal), \"Action\": \"\(action)\"\(conditionText)}]"
}

/// An identity policy allowing `action` on `resource`.
func allow(_ action: String, on resource: String = "*") -> String {
    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"\(action)\", \"Resource\": \"\(resource)\"}]}"
}

/// An identity policy denying `action` on `resource`.
func deny(_ action: String, on resource: String = "*") -> String {
    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"\(action)\", \"Resource\": \"\(resource)\"}]}"
}

let adminPolicy = allow("*")

enum Paths {
    /// The package root, found from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let inputs = packageRoot.appendingPathComponent("Inputs")
    /// ../shared/corpus beside the checkout (present in CI).
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var corpusExists: Bool { FileManager.default.fileExists(atPath: corpus.path) }
}
