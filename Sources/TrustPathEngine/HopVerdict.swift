import TrustPathModel

/// Whether a hop exists.
public enum HopState: String, Sendable, Codable, Comparable, CaseIterable {
    /// The attacker gets the role.
    case open
    /// The attacker gets the role if something outside the analysis holds (a source IP, a VPC, a tag).
    case conditional
    /// The attacker cannot get the role this way.
    case closed

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Points at the statement that decided a hop: the file, the role (or policy) and the statement index.
public struct StatementReference: Sendable, Hashable, Codable, Comparable {
    public var file: String
    public var jsonPath: String
    /// The role whose trust policy, or the policy (name or ARN), that holds the statement.
    public var owner: String
    public var index: Int
    public var sid: String?

    public init(file: String, jsonPath: String, owner: String, index: Int, sid: String?) {
        self.file = file
        self.jsonPath = jsonPath
        self.owner = owner
        self.index = index
        self.sid = sid
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.owner, lhs.index) < (rhs.file, rhs.owner, rhs.index)
    }

    /// Statement `index` of a role's trust policy.
    public static func trust(of role: Role, index: Int, sid: String?) -> StatementReference {
        StatementReference(file: role.trustLocation.file, jsonPath: role.trustLocation.jsonPath + ".Statement[\(index)]",
                           owner: role.arn, index: index, sid: sid)
    }

    /// The owner and index tell statements apart nearly always; equality still compares every field. Remediation
    /// keys dictionaries by statement on every hop of a large organization, and the file and path are long.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(owner)
        hasher.combine(index)
    }
}

/// The answer to "can an attacker acting as X obtain role R?", with every reason.
public struct HopVerdict: Sendable, Hashable {
    /// Sets `guards` and the string views the reports read (present keys, missing keys, weak clauses).
    public mutating func setGuards(_ guards: [Guard]) {
        self.guards = guards
        var seen: Set<String> = []
        guardsPresent = guards.filter { $0.strength != .missing }.map(\.key).filter { seen.insert($0.lowercased()).inserted }
        guardsMissing = guards.filter { $0.strength == .missing }.map(\.key)
        weakGuards = guards.filter { $0.strength == .weak }.map(\.summary)
    }

    public var actor: Actor
    public var target: String
    public var state: HopState
    /// The trust statement that allowed the hop (nil when closed on the trust side).
    public var trustStatement: StatementReference?
    /// Every trust statement that allows the hop: closing the hop means closing all of them.
    public var allowingStatements: [StatementReference]
    /// How the allowing statement named the actor: `*`, the account, the exact ARN, the service, the provider.
    public var matchedPrincipal: String?
    /// The identity-side statement that allowed it, when the identity side had to allow.
    public var identityStatement: StatementReference?
    /// True when the actor's own identity policies had to allow the call.
    public var identityRequired: Bool
    /// Conditions the hop rests on that the analysis cannot decide (for conditional hops).
    public var restsOn: [String]
    /// Protective conditions present on the allowing statement (`sts:ExternalId`, `aws:PrincipalOrgID`, …).
    public var guardsPresent: [String]
    /// Protective conditions the allowing statement lacks for this kind of actor.
    public var guardsMissing: [String]
    /// Protective conditions present in a form that protects nothing (`sts:ExternalId` under `StringLike *`).
    public var weakGuards: [String]
    /// Every reason, in order, for `trustpath explain`.
    public var reasons: [String]
    /// The guards of the allowing statement, typed: present, weak and missing. `guardsPresent`, `guardsMissing` and
    /// `weakGuards` are views of these, filled in with them.
    public var guards: [Guard] = []

    public init(actor: Actor, target: String, state: HopState, trustStatement: StatementReference? = nil,
                matchedPrincipal: String? = nil, identityStatement: StatementReference? = nil,
                identityRequired: Bool = false, restsOn: [String] = [], guardsPresent: [String] = [],
                guardsMissing: [String] = [], weakGuards: [String] = [], reasons: [String] = []) {
        self.actor = actor
        self.target = target
        self.state = state
        self.trustStatement = trustStatement
        self.allowingStatements = trustStatement.map { [$0] } ?? []
        self.matchedPrincipal = matchedPrincipal
        self.identityStatement = identityStatement
        self.identityRequired = identityRequired
        self.restsOn = restsOn
        self.guardsPresent = guardsPresent
        self.guardsMissing = guardsMissing
        self.weakGuards = weakGuards
        self.reasons = reasons
    }
}
