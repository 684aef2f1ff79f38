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
    /// Extra arguments of `get-account-authorization-details` (tests pass `--page-size` to cross page boundaries).
    public var authorizationDetailsArguments: [String]
    /// The first wait after a throttled call, in seconds; it doubles at each retry.
    public var initialBackoff: Double
    /// Attempts of a throttled call before it counts as failed.
    public var maximumAttempts: Int

    public static let defaultRoleName = "OrganizationAccountAccessRole"

    public init(directory: String, roleName: String = defaultRoleName, accounts: [String]? = nil,
                excluded: [String] = [], concurrency: Int = 8, refresh: Bool = false,
                authorizationDetailsArguments: [String] = [], initialBackoff: Double = 1, maximumAttempts: Int = 6) {
        self.directory = directory
        self.roleName = roleName
        self.accounts = accounts
        self.excluded = excluded
        self.concurrency = max(1, concurrency)
        self.refresh = refresh
        self.authorizationDetailsArguments = authorizationDetailsArguments
        self.initialBackoff = initialBackoff
        self.maximumAttempts = max(1, maximumAttempts)
    }
}
