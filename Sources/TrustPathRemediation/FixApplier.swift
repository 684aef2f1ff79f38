import TrustPathAnalysis
import TrustPathEngine
import TrustPathJSON
import TrustPathModel

/// Applies fixes to the files of a snapshot: patched copies of the exports, and for each role its new trust
/// policy and the AWS CLI command that installs it.
public enum FixApplier {
    /// A role's new trust policy, ready for `aws iam update-assume-role-policy` (see `FixScriptPlan` for its file).
    public struct TrustPolicyUpdate: Sendable {
        public var role: String
        public var roleName: String
        public var account: String
        /// The whole trust policy as pretty JSON.
        public var document: String
        /// The fixes it contains.
        public var fixes: [Fix]

        public init(role: String, roleName: String, account: String, document: String, fixes: [Fix]) {
            self.role = role
            self.roleName = roleName
            self.account = account
            self.document = document
            self.fixes = fixes
        }
    }

    public struct Output: Sendable {
        /// New contents of the snapshot files that changed, by relative path.
        public var patchedFiles: [String: String]
        public var updates: [TrustPolicyUpdate]
    }

    public static func apply(_ fixes: [Fix], index: SnapshotIndex, read: (String) throws -> [UInt8]) throws -> Output {
        var byFile: [String: [String: [Fix]]] = [:]
        for fix in fixes {
            guard let role = index.rolesByARN[fix.role] else { continue }
            byFile[role.trustLocation.file, default: [:]][role.arn, default: []].append(fix)
        }
        var output = Output(patchedFiles: [:], updates: [])
        for (file, roles) in byFile.sorted(by: { $0.key < $1.key }) {
            var document = try JSONParser.parse(try read(file))
            for (roleARN, roleFixes) in roles.sorted(by: { $0.key < $1.key }) {
                guard let role = index.rolesByARN[roleARN], let path = JSONPath(parsing: role.trustLocation.jsonPath),
                      let trust = document[path: path] else {
                    throw TrustPolicyPatcher.PatchError.unreadableDocument("\(roleARN) not found in \(file)")
                }
                let ordered = roleFixes.sorted { $0.statement.index < $1.statement.index }
                let patched = try TrustPolicyPatcher.patch(trust, with: ordered)
                document.replace(at: path, with: patched)
                let standalone = try TrustPolicyPatcher.patchObject(try objectForm(trust), with: ordered)
                output.updates.append(TrustPolicyUpdate(role: role.arn, roleName: role.name, account: role.account,
                                                        document: JSONWriter.write(standalone) + "\n", fixes: ordered))
            }
            output.patchedFiles[file] = JSONWriter.write(document) + "\n"
        }
        return output
    }

    /// The trust policy as an object, decoding the URL-encoded form.
    static func objectForm(_ trust: JSONValue) throws -> JSONValue {
        guard case .string(let text) = trust else { return trust }
        let json = text.drop { $0 == " " }.hasPrefix("{") ? text : (PercentEncoding.decode(text) ?? "")
        return try JSONParser.parse(json)
    }
}
