import TrustPathModel

/// Who is acting in a hop: an entry point outside the organization, or a session of a role in it.
public enum Actor: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Any AWS principal of any account outside the trusted accounts (`"*"`).
    case anyone
    /// Any principal of one account outside the trusted accounts.
    case externalAccount(String)
    /// A service principal (`events.amazonaws.com`) acting for whoever configured it.
    case service(String)
    /// Anyone holding a token of an identity provider: an OIDC issuer as IAM names it after `oidc-provider/`
    /// (`token.actions.githubusercontent.com`), one entry however many accounts hold a provider for it; a well-known
    /// issuer (`cognito-identity.amazonaws.com`); or a SAML provider ARN the project file declares outside.
    /// `Actor.federated(FederatedProvider.entryID(of:))` builds one from any principal value.
    case federated(String)
    /// A session of this role.
    case roleSession(String)

    /// The entry kinds as reports name them.
    public enum EntryKind: String, Sendable, Codable, CaseIterable {
        case `public`
        case federated
        case externalAccount = "external-account"
        case service
    }

    /// nil for role sessions, which are not entries.
    public var entryKind: EntryKind? {
        switch self {
        case .anyone: .public
        case .externalAccount: .externalAccount
        case .service: .service
        case .federated: .federated
        case .roleSession: nil
        }
    }

    /// `*`, the account id, the service name, the provider, or the role ARN.
    public var id: String {
        switch self {
        case .anyone: "*"
        case .externalAccount(let id), .service(let id), .federated(let id), .roleSession(let id): id
        }
    }

    public var description: String {
        switch self {
        case .anyone: "anyone (*)"
        case .externalAccount(let id): "account \(id)"
        case .service(let name): "service \(name)"
        case .federated(let provider): "federated \(provider)"
        case .roleSession(let arn): arn
        }
    }

    /// False for a service entry: the service acts with the role for its own purpose and whoever steers it never holds
    /// the session, so nothing chains from a role it obtains. The search stops there.
    public var chainsOnward: Bool {
        if case .service = self { return false }
        return true
    }

    /// The same actor with a federated principal value (a provider ARN) turned into its entry id (the issuer).
    public var normalized: Actor {
        guard case .federated(let value) = self else { return self }
        return .federated(FederatedProvider.entryID(of: value))
    }

    /// The STS action this actor calls to get the role's credentials.
    public var assumeAction: String {
        guard case .federated(let provider) = self else { return "sts:AssumeRole" }
        return FederatedProvider(provider).kind == .saml ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity"
    }

    private var order: (Int, String) {
        switch self {
        case .anyone: (0, "*")
        case .federated(let id): (1, id)
        case .externalAccount(let id): (2, id)
        case .service(let id): (3, id)
        case .roleSession(let id): (4, id)
        }
    }

    public static func < (lhs: Actor, rhs: Actor) -> Bool { lhs.order < rhs.order }
}

