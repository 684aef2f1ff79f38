/// What the evaluator knows about one condition key in the request an attacker would send.
public enum KeyKnowledge: Sendable, Hashable {
    /// A fact of the actor or the target: present with these values.
    case known([String])
    /// A fact: the key is not in the request.
    case absent
    /// The attacker picks the value (or leaves it out, when `mayOmit`), within `rule`.
    case attacker(AttackerValues, mayOmit: Bool)
    /// Set by something neither side of the analysis controls (network, time, tags): the hop is conditional on it.
    case unknown
}

/// The values an attacker can put in a key.
public enum AttackerValues: Sendable, Hashable {
    /// Anything.
    case anything
    /// `true` or `false`.
    case boolean
    /// Any 12-digit account id outside these accounts.
    case accountOutside(Set<String>)
    /// An ARN whose account is this one.
    case arnInAccount(String)
    /// An ARN whose account is outside these accounts (or an ARN with no account, only when a wildcard allows it).
    case arnOutside(Set<String>)
    /// Anything but these values (e.g. the organization's own id).
    case anythingBut(Set<String>)
    /// Anything starting with this text (e.g. `aws:userid` of a role session: `AROA…:` then a session name).
    case prefixed(String)
    /// An organization path (`o-…/r-…/ou-…/`) of an organization other than this one (id nil: unknown, so no literal
    /// organization id in a policy can be produced): no outside principal has a path in this organization.
    case pathOutside(organization: String?)
    /// A value the legitimate caller knows and the attacker does not (sts:ExternalId, a pinned OIDC subject):
    /// only a policy value that `weakness` calls weak can be produced by the attacker.
    case secret(SecretWeakness)
}

/// When a secret-valued condition protects nothing.
public enum SecretWeakness: Sendable, Hashable {
    /// Any wildcard makes the value guessable (sts:ExternalId, per the analysis contract).
    case anyWildcard
    /// The claim naming a multi-tenant issuer's tenant: weak when a wildcard comes before the tenant's delimiter
    /// (`repo:acme*`, `repo:acme?/*`, `repo:*`), so the attacker's own tenant matches; `repo:acme/*` is not.
    case tenant(TenantClaim)

    func isWeak(_ value: String) -> Bool {
        switch self {
        case .anyWildcard: Wildcard.hasWildcard(value)
        case .tenant(let claim): claim.isOpenPattern(value)
        }
    }
}

/// The request an attacker acting as one actor would send: knowledge per condition key.
public struct RequestContext: Sendable {
    private var exact: [String: KeyKnowledge] = [:]
    /// Knowledge for key families (`aws:principaltag/`), longest prefix first.
    private var prefixes: [(prefix: String, knowledge: KeyKnowledge)] = []

    public init() {}

    public subscript(key: String) -> KeyKnowledge {
        get {
            let lowered = key.lowercased()
            if let knowledge = exact[lowered] { return knowledge }
            for entry in prefixes where lowered.hasPrefix(entry.prefix) { return entry.knowledge }
            return .unknown
        }
        set { exact[key.lowercased()] = newValue }
    }

    /// Sets the knowledge for every key that starts with `prefix`.
    public mutating func setPrefix(_ prefix: String, _ knowledge: KeyKnowledge) {
        let lowered = prefix.lowercased()
        let length = lowered.count
        // After every prefix at least as long: where a stable sort of the list with this one appended puts it (every
        // hop's request sets two, and sorting measured each prefix's length at every comparison).
        let position = prefixes.firstIndex { $0.prefix.count < length } ?? prefixes.endIndex
        prefixes.insert((lowered, knowledge), at: position)
    }
}
