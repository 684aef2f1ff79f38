/// The size of a synthetic organization. The same shape and seed always give the same files, byte for byte.
public struct OrganizationShape: Sendable, Hashable, Codable {
    /// The kind of estate: how its roles trust and what its principals may assume.
    public enum Profile: String, Sendable, Hashable, Codable, CaseIterable {
        /// What real estates mostly show: service and same-account roles, a few vendors, rare organization-wide trusts.
        case sparse
        /// Hub roles allowed `sts:AssumeRole` on `*` in every account, `"*"` + `aws:PrincipalOrgID` trusts in about 2% of
        /// roles, about 10% of roles trusting outsiders, GitHub providers in half the accounts: one door leads to most roles.
        case hub
        /// One account where most roles trust the account root and most principals may assume `*`.
        case denseAccount = "dense-account"
    }

    public var profile: Profile = .sparse
    /// Member accounts, the management account (index 0) and the shared-services hub (index 1) included.
    public var accounts: Int
    public var rolesPerAccount: Int
    public var usersPerAccount: Int
    public var seed: UInt64
    /// Versions kept of the largest AWS managed policy (`ReadOnlyAccess`); real exports keep every version
    /// of every attached AWS managed policy, which is what makes them megabytes per account.
    public var managedPolicyVersions: Int

    /// Sizes below the minimum (2 accounts, 8 roles per account) are raised to it.
    public init(accounts: Int, rolesPerAccount: Int = 100, usersPerAccount: Int = 20, seed: UInt64 = 1,
                managedPolicyVersions: Int = 40, profile: Profile = .sparse) {
        self.profile = profile
        // A dense account is one account; an organization needs its management and hub accounts.
        self.accounts = profile == .denseAccount ? max(1, accounts) : max(2, accounts)
        self.rolesPerAccount = max(8, rolesPerAccount)
        self.usersPerAccount = max(0, usersPerAccount)
        self.seed = seed
        self.managedPolicyVersions = max(1, managedPolicyVersions)
    }

    /// Roles in the whole organization.
    public var roles: Int { accounts * rolesPerAccount }
    /// Users in the whole organization.
    public var users: Int { accounts * usersPerAccount }

    /// `o-…`, from the seed.
    public var organizationID: String { "o-syn\(String(seed % 1_000_000, radix: 36).padded(7))" }
    /// The organization root's id (`r-…`), the SCPs' target.
    public var rootID: String { "r-syn\(String(seed % 1000, radix: 36).padded(2))" }
    /// Account index 0.
    public var managementAccount: String { accountID(0) }
    /// Account index 1: shared services, whose deployers reach every workload account.
    public var hubAccount: String { accountID(1) }

    /// A 12-digit id, distinct for every index; the seed shifts the whole range.
    public func accountID(_ index: Int) -> String {
        let value = 200_000_000_000 + Int(seed % 1_000_000) * 10_000 + index * 9_973 % 1_000_000_000 * 100 + index % 100
        return String(value % 1_000_000_000_000).padded(12)
    }

    /// `management`, `shared-services`, then `workload-0002` and on.
    public func accountName(_ index: Int) -> String {
        switch index {
        case 0: "management"
        case 1: "shared-services"
        default: "workload-\(String(index).padded(4))"
        }
    }
}

/// Accounts outside the organization that its trust policies name.
enum OutsideAccounts {
    /// Known multi-tenant SaaS vendors: most customers pin an ExternalId, a few do not.
    static let vendors = ["464622532012", "754135023419", "017000801446", "292095839402", "414351767826",
                          "098454563617", "761445315120", "349875435124"]
    /// Partners and contractors: accounts nobody registered as vendors.
    static let partners = ["307946673750", "612039874412", "880415236677", "523690011235"]
}

extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
