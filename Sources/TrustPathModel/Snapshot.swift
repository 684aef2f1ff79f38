/// What a snapshot directory holds, after ingestion: the accounts, the organization and its policies,
/// and everything the reader had to say about the files.
public struct Snapshot: Sendable, Hashable, Codable {
    /// The directory the snapshot was read from.
    public var directory: String
    /// Accounts with an authorization-details export, by id.
    public var accounts: [String: AccountData]
    public var organization: Organization?
    public var organizationPolicies: [OrganizationPolicy]
    /// Each input file and what the reader made of it, sorted by path.
    public var files: [InputFile]
    public var diagnostics: [Diagnostic]
    /// Accounts the project file treats as trusted although outside the organization.
    public var additionallyTrusted: Set<String> = []
    /// Accounts the project file treats as outsiders although inside the organization.
    public var untrusted: Set<String> = []
    /// Identity providers the project file declares the organization's own (OIDC issuers, provider ARNs, patterns):
    /// never entries.
    public var ownIdentityProviders: [String] = []
    /// Identity providers the project file declares outside (a partner's IdP): entries even when a SAML provider.
    public var outsideIdentityProviders: [String] = []

    public init(directory: String, accounts: [String: AccountData] = [:], organization: Organization? = nil,
                organizationPolicies: [OrganizationPolicy] = [], files: [InputFile] = [], diagnostics: [Diagnostic] = []) {
        self.directory = directory
        self.accounts = accounts
        self.organization = organization
        self.organizationPolicies = organizationPolicies
        self.files = files
        self.diagnostics = diagnostics
    }

    /// The accounts inside the trust boundary: the organization's members and management account when the
    /// snapshot has Organizations data, otherwise the analyzed accounts.
    /// The project file's trusted and untrusted accounts adjust that set.
    public var trustedAccounts: Set<String> {
        var trusted: Set<String>
        if let organization, !organization.members.isEmpty || organization.managementAccountID != nil {
            trusted = Set(organization.members.keys)
            if let management = organization.managementAccountID { trusted.insert(management) }
        } else {
            trusted = Set(accounts.keys)
        }
        return trusted.union(additionallyTrusted).subtracting(untrusted)
    }

    /// All roles of all accounts, in a stable order (by ARN).
    public var allRoles: [Role] {
        accounts.values.flatMap(\.roles).sorted { $0.arn < $1.arn }
    }
}

/// One file of the snapshot and how it was used.
public struct InputFile: Sendable, Hashable, Codable {
    /// What the reader recognised the file as.
    public enum Kind: String, Sendable, Hashable, Codable {
        case authorizationDetails = "authorization-details"
        case roleList = "role-list"
        case describeOrganization = "describe-organization"
        case listAccounts = "list-accounts"
        /// `list-roots`, `list-organizational-units-for-parent` (with `ParentId`) or `list-parents` (with `ChildId`).
        case organizationStructure = "organization-structure"
        case organizationPolicy = "organization-policy"
        case projectConfig = "project-config"
        case skipped
        case unreadable
    }

    public var path: String
    public var kind: Kind
    /// Why a file was skipped or unreadable, or what it contributed.
    public var detail: String

    public init(path: String, kind: Kind, detail: String) {
        self.path = path
        self.kind = kind
        self.detail = detail
    }
}
