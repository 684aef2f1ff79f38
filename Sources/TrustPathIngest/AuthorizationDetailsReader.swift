import TrustPathJSON
import TrustPathModel

/// Reads `get-account-authorization-details` pages and role listings into entities.
enum AuthorizationDetailsReader {
    /// `keys` names the user, group, role and policy lists, in that order.
    static func read(_ root: JSONValue, at rootPath: JSONPath, file: String, keys: [String]) -> FileContribution {
        var decoder = EntityDecoder(context: DecodingContext(file: file))
        var contribution = FileContribution(kind: .authorizationDetails, detail: "")
        contribution.users = decoder.context.list(root, keys[0], at: rootPath).compactMap { decoder.user($0, at: $1) }
        contribution.groups = decoder.context.list(root, keys[1], at: rootPath).compactMap { decoder.group($0, at: $1) }
        contribution.roles = decoder.context.list(root, keys[2], at: rootPath).compactMap { decoder.role($0, at: $1) }
        contribution.policies = decoder.context.list(root, keys[3], at: rootPath).compactMap {
            decoder.managedPolicy($0, at: $1)
        }
        contribution.truncated = root["IsTruncated"] == .bool(true)
        contribution.diagnostics = decoder.context.diagnostics
        let accounts = Set(contribution.roles.map(\.account) + contribution.users.map(\.account)
            + contribution.groups.map(\.account)).sorted()
        contribution.detail = "\(contribution.users.count) users, \(contribution.groups.count) groups, "
            + "\(contribution.roles.count) roles, \(contribution.policies.count) policies"
            + (accounts.isEmpty ? "" : " of account \(accounts.joined(separator: ", "))")
            + (contribution.truncated ? " (page marked IsTruncated)" : "")
        return contribution
    }

    /// `list-roles` (`{"Roles": [...]}`) and `get-role` (`{"Role": {...}}`): trust policies without permissions.
    static func readRoleList(_ root: JSONValue, at rootPath: JSONPath, file: String) -> FileContribution {
        var decoder = EntityDecoder(context: DecodingContext(file: file))
        var contribution = FileContribution(kind: .roleList, detail: "")
        let listKey = root["Roles"] != nil ? "Roles" : "Role"
        contribution.roles = decoder.context.list(root, listKey, at: rootPath).compactMap { decoder.role($0, at: $1) }
        contribution.truncated = root["IsTruncated"] == .bool(true)
        contribution.diagnostics = decoder.context.diagnostics
        contribution.detail = "\(contribution.roles.count) roles from a role listing (trust policies only; "
            + "permissions need get-account-authorization-details)"
        return contribution
    }
}
