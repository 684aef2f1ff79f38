/// What the project file (`trustpath.yml`) says about the user's world: who the vendors are, which roles matter most,
/// which accounts to trust or distrust, and which risks were accepted. Read by `TrustPathConfig`, applied by the analysis.
public struct ProjectConfig: Sendable, Hashable, Codable {
    /// Known vendor accounts, by account id (the built-in list, then the file's entries, which win).
    public var vendors: [String: VendorAccount]
    public var crownJewels: [CrownJewelRule]
    /// Outside accounts to treat like organization members: they are not entries.
    public var trustedAccounts: [String]
    /// Organization accounts to treat as outsiders (a sandbox, an acquisition not yet integrated).
    public var untrustedAccounts: [String]
    public var acceptedRisks: [AcceptedRisk]
    /// Identity providers the file declares outside (entries) or the organization's own (never entries).
    public var identityProviders: IdentityProviderDeclarations = IdentityProviderDeclarations()
    /// The file the configuration came from, for messages; nil when there was none.
    public var source: String?

    public init(vendors: [String: VendorAccount] = [:], crownJewels: [CrownJewelRule] = [], trustedAccounts: [String] = [],
                untrustedAccounts: [String] = [], acceptedRisks: [AcceptedRisk] = [], source: String? = nil) {
        self.vendors = vendors
        self.crownJewels = crownJewels
        self.trustedAccounts = trustedAccounts
        self.untrustedAccounts = untrustedAccounts
        self.acceptedRisks = acceptedRisks
        self.source = source
    }

    /// Vendor names by account id.
    public var vendorNames: [String: String] { vendors.mapValues(\.name) }
}

/// Which identity providers belong to whom, as the project file says. Each value is an OIDC issuer as IAM names it
/// (`token.actions.githubusercontent.com`, `gitlab.example.com/ci`), or a SAML or OIDC provider ARN; IAM wildcards
/// (`*`, `?`) are allowed (`arn:aws:iam::*:saml-provider/PartnerIdP`).
public struct IdentityProviderDeclarations: Sendable, Hashable, Codable {
    /// Providers run by someone outside the organization (a partner's IdP): entries, even a SAML provider.
    public var outside: [String]
    /// Providers the organization runs itself: never entries, even an issuer the built-in list calls multi-tenant.
    public var own: [String]

    public init(outside: [String] = [], own: [String] = []) {
        self.outside = outside
        self.own = own
    }
}

/// A SaaS vendor's AWS account.
public struct VendorAccount: Sendable, Hashable, Codable {
    public var name: String
    /// Where the account id is published (the vendor's documentation), when known.
    public var source: String?

    public init(name: String, source: String? = nil) {
        self.name = name
        self.source = source
    }
}

/// Marks roles whose compromise matters most. A finding whose target matches is raised one severity level.
public enum CrownJewelRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A role ARN pattern with IAM wildcards (`*`, `?`).
    case rolePattern(String)
    /// A role tag; a nil value matches any value of the key.
    case tag(key: String, value: String?)

    public var description: String {
        switch self {
        case .rolePattern(let pattern): "role \(pattern)"
        case .tag(let key, let value): "tag \(key)=\(value ?? "*")"
        }
    }
}

/// A finding the team has decided to live with until `expires`.
public struct AcceptedRisk: Sendable, Hashable, Codable {
    /// Pattern for the entry id (`*`, an account id, a service name, an OIDC issuer such as
    /// `token.actions.githubusercontent.com`, a SAML provider ARN); IAM wildcards.
    public var entry: String
    /// Pattern for the target role ARN; IAM wildcards.
    public var target: String
    public var reason: String
    /// `YYYY-MM-DD`; the acceptance holds through that day.
    public var expires: String

    public init(entry: String, target: String, reason: String, expires: String) {
        self.entry = entry
        self.target = target
        self.reason = reason
        self.expires = expires
    }
}
