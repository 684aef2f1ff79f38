import TrustPathModel

/// A web-identity or SAML provider as a trust policy names it, and as the analysis names its entry.
public struct FederatedProvider: Sendable, Hashable {
    public enum Kind: Sendable { case oidc, saml, cognito, wellKnown }

    /// The principal value or entry id it was made from.
    public let name: String
    /// The entry id: the OIDC issuer (host and path, as IAM names it after `oidc-provider/`), a well-known issuer
    /// name, or the SAML provider's ARN.
    public let entryID: String
    public let kind: Kind
    /// The prefix of the provider's condition keys: the OIDC issuer (`token.actions.githubusercontent.com`), `saml`,
    /// or the well-known provider name.
    public let keyPrefix: String

    public init(_ name: String) {
        self.name = name
        if let arn = ARN(name), arn.resource.hasPrefix("saml-provider/") {
            kind = .saml
            keyPrefix = "saml"
            entryID = name
        } else if let arn = ARN(name), arn.resource.hasPrefix("oidc-provider/") {
            let issuer = Self.normalizedIssuer(String(arn.resource.dropFirst("oidc-provider/".count)))
            kind = issuer == "cognito-identity.amazonaws.com" ? .cognito : .oidc
            keyPrefix = issuer
            entryID = issuer
        } else {
            let issuer = Self.normalizedIssuer(name)
            kind = issuer == "cognito-identity.amazonaws.com" ? .cognito : (Self.webIdentityNames.contains(issuer) ? .wellKnown : .oidc)
            keyPrefix = issuer
            entryID = issuer
        }
    }

    /// Providers a trust names by a bare name rather than a provider ARN.
    static let webIdentityNames: Set<String> = ["accounts.google.com", "graph.facebook.com", "www.amazon.com"]

    /// The entry id of a principal value: `arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com` →
    /// `token.actions.githubusercontent.com`; a SAML provider ARN stays itself.
    public static func entryID(of value: String) -> String { FederatedProvider(value).entryID }

    /// Hosts are case-insensitive; a leading `https://` and a trailing `/` are not part of the issuer as IAM names it.
    static func normalizedIssuer(_ text: String) -> String {
        var issuer = Substring(text)
        if issuer.lowercased().hasPrefix("https://") { issuer = issuer.dropFirst("https://".count) }
        while issuer.hasSuffix("/") { issuer = issuer.dropLast() }
        guard let slash = issuer.firstIndex(of: "/") else { return issuer.lowercased() }
        return issuer[..<slash].lowercased() + issuer[slash...]
    }

    /// The known issuer, when the analysis knows it.
    public var knownIssuer: FederatedIssuer? { kind == .saml ? nil : FederatedIssuers.lookup(entryID) }

    /// The claim that names the tenant of a multi-tenant issuer (nil for SAML and per-tenant issuers).
    /// An unknown issuer counts as multi-tenant with `sub` as a whole-value tenant claim.
    public var tenantClaim: TenantClaim? {
        if kind == .saml { return nil }
        guard let known = knownIssuer else {
            return TenantClaim(claim: "sub", prefix: "", delimiter: nil, shape: "the subject")
        }
        if case .multiTenant(let claim) = known.tenancy { return claim }
        return nil
    }

    /// The condition key that pins who may use the provider: `ISSUER:CLAIM` of the tenant claim, `saml:sub` for SAML.
    public var pinningKeys: [String] {
        if kind == .saml { return ["saml:sub"] }
        return tenantClaim.map { ["\(keyPrefix):\($0.claim)"] } ?? ["\(keyPrefix):sub"]
    }

    /// Whether the provider is an entry, and why, given the project file's declarations.
    public func standing(own: [String], outside: [String]) -> FederatedStanding {
        if matches(own) { return .declaredOwn }
        if kind != .saml, FederatedIssuers.isEKSCluster(entryID) { return .eksCluster }
        if let known = knownIssuer {
            switch known.tenancy {
            case .multiTenant: return .multiTenant(known)
            case .perTenant: return matches(outside) ? .declaredOutside : .perTenant(known)
            }
        }
        if matches(outside) { return .declaredOutside }
        return kind == .saml ? .saml : .unknownIssuer
    }

    private func matches(_ declarations: [String]) -> Bool {
        declarations.contains { declaration in
            let declared = declaration.hasPrefix("arn:") && declaration.contains(":oidc-provider/")
                ? FederatedProvider(declaration).entryID : FederatedProvider.normalizedIssuer(declaration)
            return Wildcard.matches(declared, entryID, ignoringCase: true)
                || Wildcard.matches(declaration, name, ignoringCase: true)
        }
    }
}

/// Whether an identity provider is an entry (anyone outside can obtain its tokens), and why, in words for `explain`.
public enum FederatedStanding: Sendable, Hashable {
    /// A multi-tenant issuer: anyone can obtain a token; an entry unless a trust pins the tenant.
    case multiTenant(FederatedIssuer)
    /// An issuer the analysis does not know: counted as multi-tenant, and the report says so.
    case unknownIssuer
    /// The project file declares it outside (a partner's identity provider).
    case declaredOutside
    /// A SAML provider: the organization's own identity provider.
    case saml
    /// An EKS cluster's issuer: only the cluster's service accounts get its tokens.
    case eksCluster
    /// An issuer whose URL carries the tenant: only that tenant gets its tokens.
    case perTenant(FederatedIssuer)
    /// The project file declares it the organization's own.
    case declaredOwn

    public var isEntry: Bool {
        switch self {
        case .multiTenant, .unknownIssuer, .declaredOutside: true
        case .saml, .eksCluster, .perTenant, .declaredOwn: false
        }
    }

    /// Why, in words: "a SAML provider is the organization's own identity provider: not an entry".
    public var reason: String {
        switch self {
        case .multiTenant(let issuer): "\(issuer.name) is a multi-tenant issuer: \(issuer.reason)"
        case .unknownIssuer: "an issuer TrustPath does not know counts as multi-tenant (anyone may obtain its tokens); "
            + "declare it under identity-providers: own in the project file if the organization runs it"
        case .declaredOutside: "the project file declares this identity provider outside the organization"
        case .saml: "a SAML provider is the organization's own identity provider: STS accepts only assertions signed "
            + "with the metadata the account's administrators uploaded; not an entry"
        case .eksCluster: "an EKS cluster's OIDC issuer is the organization's own: only the cluster's service accounts "
            + "get its tokens; not an entry"
        case .perTenant(let issuer): "\(issuer.name): \(issuer.reason); the organization's own issuer, not an entry"
        case .declaredOwn: "the project file declares this identity provider the organization's own: not an entry"
        }
    }
}
