/// What `trustpath collect` reads and where it writes.
public struct CollectOptions: Sendable {
    /// The output directory (created when missing).
    public var directory: String
    /// The role assumed in each member account.
    public var roleName: String
    /// Only these accounts, when set.
    public var accounts: [String]?
    /// Never these accounts.
    public var excluded: [String]
    /// How many `aws` processes run at once.
    public var concurrency: Int
    /// Read again the accounts whose files an earlier run left complete.
    public var refresh: Bool
    /// Items per request of the paginated calls (the CLI still follows every page and merges them); nil
    /// leaves the service's default. Tests set a small one so that page boundaries are crossed.
    public var pageSize: Int?
    /// The first wait after a throttled call, in seconds; it doubles at each retry.
    public var initialBackoff: Double
    /// Attempts of a throttled call before it counts as failed.
    public var maximumAttempts: Int

    public static let defaultRoleName = "OrganizationAccountAccessRole"

    public init(directory: String, roleName: String = defaultRoleName, accounts: [String]? = nil,
                excluded: [String] = [], concurrency: Int = 8, refresh: Bool = false,
                pageSize: Int? = nil, initialBackoff: Double = 1, maximumAttempts: Int = 6) {
        self.directory = directory
        self.roleName = roleName
        self.accounts = accounts
        self.excluded = excluded
        self.concurrency = max(1, concurrency)
        self.refresh = refresh
        self.pageSize = pageSize
        self.initialBackoff = initialBackoff
        self.maximumAttempts = max(1, maximumAttempts)
    }
}
