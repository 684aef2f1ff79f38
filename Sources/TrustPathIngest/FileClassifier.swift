import TrustPathJSON
import TrustPathModel

/// Recognises an export by its content (never its name) and hands it to the matching reader.
enum FileClassifier {
    static let authorizationDetailsKeys = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"]
    /// The same lists under the names some collectors (AirIAM) write.
    static let renamedAuthorizationDetailsKeys = ["AccountUsers", "AccountGroups", "AccountRoles", "AccountPolicies"]

    static func read(_ document: JSONValue, file: String) -> FileContribution {
        var root = document
        var rootPath = JSONPath.root
        // Recorded boto3 responses (placebo) wrap the API response in {"status_code", "data"}.
        if let data = document["data"], document["status_code"] != nil, case .object = data {
            root = data
            rootPath = rootPath.appending("data")
        }
        guard case .object(let object) = root else {
            return .skipped("not an AWS export: the top level is \(root.kindDescription), not an object")
        }
        let keys = Set(object.keys)
        if keys.contains(collectionManifestKey) { return collectionManifest(root) }
        if !keys.isDisjoint(with: authorizationDetailsKeys.dropLast()) || isIAMPolicyList(root) {
            return AuthorizationDetailsReader.read(root, at: rootPath, file: file, keys: authorizationDetailsKeys)
        }
        if !keys.isDisjoint(with: renamedAuthorizationDetailsKeys) {
            return AuthorizationDetailsReader.read(root, at: rootPath, file: file, keys: renamedAuthorizationDetailsKeys)
        }
        if keys.contains("Roles") || keys.contains("Role") {
            return AuthorizationDetailsReader.readRoleList(root, at: rootPath, file: file)
        }
        if keys.contains("Organization") {
            return OrganizationsReader.readDescribeOrganization(root, at: rootPath, file: file)
        }
        if keys.contains("Roots") {
            return OrganizationStructureReader.readRoots(root, at: rootPath, file: file)
        }
        if keys.contains("OrganizationalUnits") {
            guard keys.contains("ParentId") else {
                return .skipped("a list-organizational-units-for-parent output without \"ParentId\": add the parent id "
                    + "it was run for as a top-level \"ParentId\" (trustpath collect does)")
            }
            return OrganizationStructureReader.readOrganizationalUnits(root, at: rootPath, file: file)
        }
        if keys.contains("Parents") {
            guard keys.contains("ChildId") else {
                return .skipped("a list-parents output without \"ChildId\": add the child id it was run for as a "
                    + "top-level \"ChildId\" (trustpath collect does)")
            }
            return OrganizationStructureReader.readParents(root, at: rootPath, file: file)
        }
        if keys.contains("Accounts") {
            return OrganizationsReader.readListAccounts(root, at: rootPath, file: file)
        }
        if keys.contains("Policy"), root["Policy"]?["Content"] != nil {
            return OrganizationsReader.readDescribePolicy(root, at: rootPath, file: file)
        }
        if keys.contains("Policies") {
            return .skipped("an Organizations list-policies output: it has no policy content; "
                + "export each policy with describe-policy (add its Targets) to use it")
        }
        if keys.contains("Targets") {
            return .skipped("a list-targets-for-policy output: it does not say which policy it belongs to; "
                + "merge its Targets into that policy's describe-policy file")
        }
        let shown = object.keys.prefix(5).joined(separator: ", ")
        return .skipped("not an IAM or Organizations export (top-level keys: \(shown.isEmpty ? "none" : shown))")
    }

    /// The top-level key of the manifest `trustpath collect` writes beside the exports (`collection.json`).
    static let collectionManifestKey = "TrustPathCollection"

    /// The manifest holds no IAM data; the note says what it records, so a missing account is not silent.
    private static func collectionManifest(_ root: JSONValue) -> FileContribution {
        func ids(_ key: String) -> [String] {
            guard case .array(let entries)? = root[key] else { return [] }
            return entries.compactMap { $0["AccountId"]?.scalarText }
        }
        let read = ids("Read").count
        let missing = ids("Missing")
        let shown = missing.prefix(10).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
        return .skipped("the manifest of trustpath collect, not an export: \(read) account(s) read"
            + (missing.isEmpty ? "" : ", \(missing.count) missing (\(shown); the file says why)"))
    }

    /// IAM's `Policies` entries carry `PolicyVersionList` or `PolicyId`; Organizations' carry `Type`.
    private static func isIAMPolicyList(_ root: JSONValue) -> Bool {
        guard case .array(let policies)? = root["Policies"] else { return false }
        guard let first = policies.first else { return false }
        return first["PolicyVersionList"] != nil || first["PolicyId"] != nil || first["DefaultVersionId"] != nil
    }
}
