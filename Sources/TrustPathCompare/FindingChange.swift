import TrustPathAnalysis
import TrustPathEngine

/// A value before and after.
public struct ValueChange<Value: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    public var from: Value
    public var to: Value

    public init(from: Value, to: Value) {
        self.from = from
        self.to = to
    }

    /// nil when nothing changed.
    static func between(_ from: Value, _ to: Value) -> ValueChange? { from == to ? nil : ValueChange(from: from, to: to) }
}

/// What changed in a finding present in both snapshots. Fields that did not change are nil or empty.
public struct FindingChange: Sendable, Codable, Hashable {
    /// The finding identity, `kind:entryId->targetArn`.
    public var id: String
    public var severity: ValueChange<Severity>?
    /// Open or conditional.
    public var state: ValueChange<HopState>?
    /// The shortest chain: entry id, then role ARNs.
    public var path: ValueChange<[String]>?
    /// Guard changes on the hops into roles both paths pass through, in path order.
    public var guards: [GuardChange]
    /// The target role's unique id, when the role was deleted and recreated under the same ARN: the same
    /// identity, but a different role, so whatever was decided about the old one does not carry over.
    public var targetRecreated: ValueChange<String>?

    /// nil when the two findings agree on everything compared.
    public init?(before: Finding, after: Finding) {
        id = after.id
        severity = .between(before.severity, after.severity)
        state = .between(before.state, after.state)
        path = .between(before.path, after.path)
        targetRecreated = .between(before.targetRoleID, after.targetRoleID)
        // Compare guards hop by hop where both chains enter the same role; a hop only one chain has is a path change.
        let oldHops = Dictionary(before.hops.map { ($0.to, $0) }, uniquingKeysWith: { first, _ in first })
        guards = after.hops.compactMap { hop in oldHops[hop.to].flatMap { GuardChange(role: hop.to, before: $0, after: hop) } }
        if severity == nil, state == nil, path == nil, targetRecreated == nil, guards.isEmpty { return nil }
    }

    /// Severity went up (critical is the top).
    public var worsened: Bool { severity.map { $0.to < $0.from } ?? false }
}

/// Guards gained or lost on the hop into one role.
public struct GuardChange: Sendable, Codable, Hashable {
    /// The role the hop enters.
    public var role: String
    /// Protective conditions now present that were not (`sts:ExternalId`, `aws:PrincipalOrgID`, …).
    public var added: [String]
    /// Protective conditions present before and gone now.
    public var removed: [String]
    /// Guards the hop lacks now and did not lack before.
    public var nowMissing: [String]
    /// Guards the hop lacked before and no longer lacks.
    public var noLongerMissing: [String]
    /// Guards now present in a form that protects nothing.
    public var nowWeak: [String]
    /// Weak guards gone (fixed, or removed altogether).
    public var noLongerWeak: [String]

    init?(role: String, before: Hop, after: Hop) {
        self.role = role
        (added, removed) = Self.delta(before.guardsPresent, after.guardsPresent)
        (nowMissing, noLongerMissing) = Self.delta(before.guardsMissing, after.guardsMissing)
        (nowWeak, noLongerWeak) = Self.delta(before.weakGuards, after.weakGuards)
        if [added, removed, nowMissing, noLongerMissing, nowWeak, noLongerWeak].allSatisfy(\.isEmpty) { return nil }
    }

    private static func delta(_ old: [String], _ new: [String]) -> (added: [String], removed: [String]) {
        let oldSet = Set(old), newSet = Set(new)
        return (newSet.subtracting(oldSet).sorted(), oldSet.subtracting(newSet).sorted())
    }
}
