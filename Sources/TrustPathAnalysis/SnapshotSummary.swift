import TrustPathModel

/// What a snapshot holds, counted: the answer to `trustpath summary`.
public struct SnapshotSummary: Sendable, Hashable, Codable {
    public var schemaVersion = 1
    public var directory: String
    public var organizationID: String?
    /// Accounts with an authorization-details export.
    public var analyzedAccounts: [String]
    /// Organization members the snapshot has no export for.
    public var membersWithoutData: [String]
    /// Accounts outside the trust boundary that some trust policy names.
    public var externalAccounts: [String]
    public var users: Int
    public var groups: Int
    public var roles: Int
    /// Distinct managed policies (by ARN) across the snapshot.
    public var policies: Int
    public var trustStatements: Int
    public var organizationPolicies: Int
    public var files: [InputFile]
    public var diagnosticCounts: [String: Int]
    public var diagnostics: [Diagnostic]

    public init(snapshot: Snapshot) {
        directory = snapshot.directory
        organizationID = snapshot.organization?.id
        analyzedAccounts = snapshot.accounts.keys.sorted()
        let trusted = snapshot.trustedAccounts
        membersWithoutData = trusted.subtracting(snapshot.accounts.keys).sorted()
        var external: Set<String> = []
        var statements = 0
        for role in snapshot.allRoles {
            for statement in role.trustPolicy?.statements ?? [] {
                statements += 1
                for value in statement.principal?.aws ?? [] {
                    if let account = PrincipalReference(value).account, !trusted.contains(account) { external.insert(account) }
                }
            }
        }
        externalAccounts = external.sorted()
        trustStatements = statements
        let accounts = snapshot.accounts.values
        users = accounts.reduce(0) { $0 + $1.users.count }
        groups = accounts.reduce(0) { $0 + $1.groups.count }
        roles = accounts.reduce(0) { $0 + $1.roles.count }
        policies = Set(accounts.flatMap(\.policies.keys)).count
        organizationPolicies = snapshot.organizationPolicies.count
        files = snapshot.files
        diagnostics = snapshot.diagnostics
        diagnosticCounts = Dictionary(grouping: snapshot.diagnostics, by: \.severity.rawValue).mapValues(\.count)
    }
}
