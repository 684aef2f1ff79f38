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
        reattributeMalformedAccounts(&contribution, context: &decoder.context)
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

    /// Some exports carry entity ARNs with an account field that is not an account id (`arn:aws:iam::aws:user/X`).
    /// When the file names exactly one real account, those entities are taken to belong to it.
    private static func reattributeMalformedAccounts(_ contribution: inout FileContribution, context: inout DecodingContext) {
        let valid = Set((contribution.roles.map(\.account) + contribution.users.map(\.account)
            + contribution.groups.map(\.account)).filter(isAccountID))
        guard valid.count == 1, let account = valid.first else { return }
        func fix(_ entityAccount: inout String, arn: String, location: SourceLocation) {
            guard !isAccountID(entityAccount) else { return }
            context.report(.warning, "malformed-account", "\(arn) does not carry a 12-digit account id; taken to belong to \(account), the file's account",
                           at: location, hint: "re-export the account with the AWS CLI")
            entityAccount = account
        }
        for index in contribution.roles.indices {
            fix(&contribution.roles[index].account, arn: contribution.roles[index].arn, location: contribution.roles[index].location)
        }
        for index in contribution.users.indices {
            fix(&contribution.users[index].account, arn: contribution.users[index].arn, location: contribution.users[index].location)
        }
        for index in contribution.groups.indices {
            fix(&contribution.groups[index].account, arn: contribution.groups[index].arn, location: contribution.groups[index].location)
        }
    }
}
