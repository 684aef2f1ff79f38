import TrustPathModel

/// What one input file adds to the snapshot, before pages and accounts are merged.
struct FileContribution: Sendable {
    var kind: InputFile.Kind
    var detail: String
    var roles: [Role] = []
    var users: [User] = []
    var groups: [Group] = []
    var policies: [ManagedPolicy] = []
    /// The export says more pages follow (`IsTruncated`).
    var truncated = false
    var organizationID: String?
    var managementAccountID: String?
    var members: [MemberAccount] = []
    var organizationPolicies: [OrganizationPolicy] = []
    /// Organization roots (`r-…`), from `list-roots`.
    var roots: [String] = []
    /// Child (account or OU) → parent (OU or root), from the OU data.
    var parents: [String: String] = [:]
    var diagnostics: [Diagnostic] = []

    init(kind: InputFile.Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    static func skipped(_ reason: String) -> FileContribution {
        FileContribution(kind: .skipped, detail: reason)
    }
}
