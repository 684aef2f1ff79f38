import TrustPathEngine

/// An entry that passes a door, and how.
public struct DoorEntry: Sendable, Codable, Hashable {
    public var id: String
    public var kind: Actor.EntryKind
    /// A known vendor's or issuer's name.
    public var name: String?
    public var state: HopState
    /// The protective conditions the statement lacks for this entry (`sts:ExternalId`, `aws:PrincipalOrgID`, …).
    public var lacks: [String]
    /// Conditions the hop rests on that the analysis cannot decide.
    public var restsOn: [String]
    /// Outside accounts that pass the door too, listed under the public (`*`) entry.
    public var alsoPassing: [String]
    /// Why the entry is worse than its kind says (a known vendor without sts:ExternalId: the confused deputy).
    public var note: String?

    public init(id: String, kind: Actor.EntryKind, name: String? = nil, state: HopState, lacks: [String],
                restsOn: [String] = [], alsoPassing: [String] = [], note: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.state = state
        self.lacks = lacks
        self.restsOn = restsOn
        self.alsoPassing = alsoPassing
        self.note = note
    }
}

/// One of the worst targets behind a door, with a shortest path through it.
public struct DoorTarget: Sendable, Codable, Hashable {
    /// The role ARN.
    public var target: String
    public var severity: Severity
    public var severityReason: String
    public var state: HopState
    /// The entry id, then the role ARNs in order, the door's role first.
    public var path: [String]
    /// Set when a crown-jewel rule of the project file raised the target's severity.
    public var crownJewel: CrownJewelMark?

    public init(target: String, severity: Severity, severityReason: String, state: HopState, path: [String],
                crownJewel: CrownJewelMark? = nil) {
        self.target = target
        self.severity = severity
        self.severityReason = severityReason
        self.state = state
        self.path = path
        self.crownJewel = crownJewel
    }
}

/// When a role was last used, as the export's `RoleLastUsed` says.
public struct LastUsed: Sendable, Codable, Hashable {
    /// `YYYY-MM-DD` (UTC).
    public var date: String
    public var region: String?

    public init(date: String, region: String?) {
        self.date = date
        self.region = region
    }
}
