/// How often, and between when, the trail shows something happen.
public struct Observation: Sendable, Codable, Hashable {
    public var count: Int
    /// The first and last time seen, ISO 8601 in UTC (`2026-11-30T08:15:02Z`).
    public var firstSeen: String
    public var lastSeen: String

    public init(count: Int, firstSeen: String, lastSeen: String) {
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    /// One event at `time`.
    public init(at time: String) { self.init(count: 1, firstSeen: time, lastSeen: time) }

    /// Both observations together: counts add, the span widens. Canonical timestamps compare as text.
    public func merged(with other: Observation) -> Observation {
        Observation(count: count + other.count, firstSeen: min(firstSeen, other.firstSeen),
                    lastSeen: max(lastSeen, other.lastSeen))
    }

    /// `used by 307946673750: 3 times, last 2026-11-30`.
    public func usedBy(_ caller: String) -> String {
        let times = count == 1 ? "once" : "\(count) times"
        return "used by \(caller): \(times), last \(lastSeen.prefix(10))"
    }
}

/// Who called STS, as the record's `userIdentity` names them.
public struct Caller: Sendable, Codable, Hashable, Comparable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `AWSAccount` (a principal of another account, named only by its account) or `Root`: the account id.
        case account
        /// `AssumedRole`: a session of a role, named by the role that issued it.
        case roleSession = "role-session"
        /// `IAMUser` or `FederatedUser`: the user's ARN.
        case user
        /// `WebIdentityUser`: the OIDC issuer's host and path, as the provider ARN names it after `oidc-provider/`.
        case webIdentity = "web-identity"
        /// `SAMLUser`: the SAML provider's ARN.
        case saml
        /// `AWSService`: the service principal that called on someone's behalf.
        case service
    }

    public var kind: Kind
    /// The account id, role ARN, user ARN, issuer, SAML provider ARN or service name: the id the analysis gives
    /// the same caller (an entry id or a role ARN).
    public var id: String
    /// The account the caller belongs to, when the record says; nil for identity providers and services.
    public var account: String?

    public init(kind: Kind, id: String, account: String?) {
        self.kind = kind
        self.id = id
        self.account = account
    }

    /// True for callers that are AWS principals of some account (what `"Principal": {"AWS": "*"}` admits).
    public var isAWSPrincipal: Bool { kind == .account || kind == .roleSession || kind == .user }

    /// An AWS principal of an account not in `trustedAccounts`: what the public entry (`*`) stands for.
    public func isOutside(trustedAccounts: Set<String>) -> Bool {
        isAWSPrincipal && account.map { !trustedAccounts.contains($0) } ?? false
    }

    public static func < (lhs: Caller, rhs: Caller) -> Bool { (lhs.id, lhs.kind.rawValue) < (rhs.id, rhs.kind.rawValue) }
}

/// One (caller, role) pair the trail shows, with how often.
public struct ObservedAssumption: Sendable, Codable, Hashable {
    public var caller: Caller
    /// The role ARN from `requestParameters.roleArn`.
    public var role: String
    public var observation: Observation

    public init(caller: Caller, role: String, observation: Observation) {
        self.caller = caller
        self.role = role
        self.observation = observation
    }
}
