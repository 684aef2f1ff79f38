import TrustPathModel

/// Who is acting in a hop: an entry point outside the organization, or a session of a role in it.
public enum Actor: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Any AWS principal of any account outside the trusted accounts (`"*"`).
    case anyone
    /// Any principal of one account outside the trusted accounts.
    case externalAccount(String)
    /// A service principal (`events.amazonaws.com`) acting for whoever configured it.
    case service(String)
    /// Anyone holding a token of a web-identity or SAML provider (its ARN, or a well-known name).
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

/// A web-identity or SAML provider as a trust policy names it.
public struct FederatedProvider: Sendable, Hashable {
    public enum Kind: Sendable { case oidc, saml, cognito, wellKnown }

    public let name: String
    public let kind: Kind
    /// The prefix of the provider's condition keys: the OIDC host (`token.actions.githubusercontent.com`), `saml`, or
    /// the well-known provider name.
    public let keyPrefix: String

    public init(_ name: String) {
        self.name = name
        if let arn = ARN(name), arn.resource.hasPrefix("saml-provider/") {
            kind = .saml
            keyPrefix = "saml"
        } else if let arn = ARN(name), arn.resource.hasPrefix("oidc-provider/") {
            kind = .oidc
            keyPrefix = String(arn.resource.dropFirst("oidc-provider/".count))
        } else if name.lowercased() == "cognito-identity.amazonaws.com" {
            kind = .cognito
            keyPrefix = name.lowercased()
        } else {
            kind = .wellKnown
            keyPrefix = name.lowercased()
        }
    }

    /// The condition keys that pin who may use the provider: the subject, and for Cognito the identity pool (`aud`).
    public var pinningKeys: [String] {
        switch kind {
        case .saml: ["saml:sub"]
        case .cognito: ["\(keyPrefix):aud", "\(keyPrefix):sub"]
        case .oidc, .wellKnown: ["\(keyPrefix):sub"]
        }
    }
}
