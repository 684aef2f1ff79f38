import Foundation
@testable import TrustPathAnalysis
import TrustPathEngine
import TrustPathHistory
import TrustPathModel
import TrustPathReport

/// Hand-built findings and reports for the history tests: independent of what the analyzer decides.
enum HistoryFixtures {
    static let member = "111111111111"
    static let outsider = "999900001111"

    static func roleARN(_ name: String, account: String = member) -> String { "arn:aws:iam::\(account):role/\(name)" }

    /// A finding from an external account (or `entry`) to the last role of `through`, one hop per role.
    static func finding(to target: String, from entry: Entry = Entry(kind: .externalAccount, id: outsider),
                        through: [String] = [], severity: Severity = .high, state: HopState = .open,
                        roleID: String? = nil, missing: [String] = ["sts:ExternalId"], present: [String] = [],
                        weak: [String] = []) -> Finding {
        let targetARN = roleARN(target)
        let path = [entry.id] + through.map { roleARN($0) } + [targetARN]
        let hops = zip(path, path.dropFirst()).enumerated().map { offset, step in
            Hop(HopVerdict(actor: offset == 0 ? entry.actor : .roleSession(step.0), target: step.1, state: state,
                           guardsPresent: offset == 0 ? present : [], guardsMissing: offset == 0 ? missing : [],
                           weakGuards: offset == 0 ? weak : []))
        }
        return Finding(id: Finding.identity(entry: entry, target: targetARN), entry: entry, target: targetARN,
                       targetAccount: member, targetRoleID: roleID ?? "AROA\(target.uppercased())",
                       severity: severity, severityReason: "test", category: .crossAccount, state: state, path: path,
                       hops: hops, alternatives: [])
    }

    static func report(_ findings: [Finding], directory: String = "(test)") -> Report {
        let info = SnapshotInfo(directory: directory, organizationID: nil, analyzedAccounts: [member], trustedAccounts: 1,
                                files: [], accountNames: [member: "member"])
        return Report(snapshot: info, findings: findings.sorted(by: Finding.ranked), assumptions: [], diagnostics: [])
    }

    static func date(_ text: String) -> Date {
        // Test literals are valid dates; a typo should fail loudly rather than silently use another date.
        guard let date = try? HistoryDate.parse(text) else { preconditionFailure("bad test date \(text)") }
        return date
    }
}

/// A directory under the system's temporary folder, removed when the value is released.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("trustpath-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Snapshot directories on disk, in the AWS CLI's get-account-authorization-details format.
enum SnapshotWriter {
    struct Role {
        var name: String
        var trustedAccount: String
        var roleID: String?
    }

    /// One authorization-details file for `account` holding the roles, each trusting an outside account
    /// without conditions and allowed to read S3 (so each role is one finding).
    static func write(_ roles: [Role], account: String = HistoryFixtures.member, to directory: String,
                      fileName: String = "gaad.json") throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let roleJSON = roles.enumerated().map { offset, role in
            """
            {"Path": "/", "RoleName": "\(role.name)", "RoleId": "\(role.roleID ?? String(format: "AROA%016d", offset))",
             "Arn": "arn:aws:iam::\(account):role/\(role.name)",
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
               "Principal": {"AWS": "arn:aws:iam::\(role.trustedAccount):root"}, "Action": "sts:AssumeRole"}]},
             "RolePolicyList": [{"PolicyName": "read", "PolicyDocument": {"Version": "2012-10-17",
               "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}],
             "AttachedManagedPolicies": [], "Tags": []}
            """
        }
        let text = """
        {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [\(roleJSON.joined(separator: ",\n"))],
         "Policies": [], "IsTruncated": false}
        """
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(fileName))
    }

    static func roles(_ count: Int, prefix: String = "role") -> [Role] {
        (0..<count).map { Role(name: "\(prefix)-\($0)", trustedAccount: String(format: "9999%08d", $0 % 50)) }
    }
}
