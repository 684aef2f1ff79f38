/// Everything one account's authorization-details export says, merged over its pages.
public struct AccountData: Sendable, Hashable, Codable {
    public var id: String
    public var partition: String
    public var roles: [Role]
    public var users: [User]
    public var groups: [Group]
    /// Managed policies by ARN (customer managed and the AWS managed ones the export included).
    public var policies: [String: ManagedPolicy]
    /// Input files that contributed to this account, sorted.
    public var files: [String]

    public init(id: String, partition: String = "aws", roles: [Role] = [], users: [User] = [], groups: [Group] = [],
                policies: [String: ManagedPolicy] = [:], files: [String] = []) {
        self.id = id
        self.partition = partition
        self.roles = roles
        self.users = users
        self.groups = groups
        self.policies = policies
        self.files = files
    }
}

/// The AWS Organization the snapshot belongs to.
public struct Organization: Sendable, Hashable, Codable {
    public var id: String?
    public var managementAccountID: String?
    /// Member accounts with their names, from `list-accounts`.
    public var members: [String: MemberAccount]
    /// Organization paths (`o-…/r-…/ou-…/`) of accounts, built from the OU data (`list-roots`,
    /// `list-organizational-units-for-parent`, `list-parents`) when the snapshot has it.
    public var accountPaths: [String: [String]] = [:]

    public init(id: String? = nil, managementAccountID: String? = nil, members: [String: MemberAccount] = [:]) {
        self.id = id
        self.managementAccountID = managementAccountID
        self.members = members
    }

    /// Every known organization path of an account: from the OU data, else from `list-accounts` when it carried
    /// them. Empty when unknown.
    public func paths(of account: String) -> [String] {
        let fromStructure = accountPaths[account] ?? []
        return fromStructure.isEmpty ? (members[account]?.paths ?? []) : fromStructure
    }
}

/// An account as `list-accounts` describes it.
public struct MemberAccount: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    public var status: String?
    /// Organization paths (`o-…/r-…/ou-…/`), when the export has them.
    public var paths: [String]

    public init(id: String, name: String? = nil, status: String? = nil, paths: [String] = []) {
        self.id = id
        self.name = name
        self.status = status
        self.paths = paths
    }
}

/// A service control policy or resource control policy and where it is attached.
public struct OrganizationPolicy: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Limits what principals of the accounts can do: the caller's side.
        case serviceControl = "SCP"
        /// Limits what can be done to resources of the accounts: the role's side.
        case resourceControl = "RCP"
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var document: PolicyDocument
    /// Target ids: a root (`r-…`), an OU (`ou-…`) or an account id. Empty when the export did not say.
    public var targets: [String]
    public var location: SourceLocation

    public init(id: String, name: String, kind: Kind, document: PolicyDocument, targets: [String], location: SourceLocation) {
        self.id = id
        self.name = name
        self.kind = kind
        self.document = document
        self.targets = targets
        self.location = location
    }
}
