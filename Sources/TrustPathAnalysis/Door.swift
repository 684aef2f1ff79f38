import TrustPathEngine
import TrustPathModel

/// Identifies a door: the role whose trust policy holds the statement, and the statement's index.
public struct DoorKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var role: String
    public var statement: Int

    public init(role: String, statement: Int) {
        self.role = role
        self.statement = statement
    }

    /// `ROLE-ARN#INDEX`.
    public var description: String { "\(role)#\(statement)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.role, lhs.statement) < (rhs.role, rhs.statement) }
}

/// A door: the trust statement through which chains enter the organization (a chain's first hop), with the
/// entries that pass it and the roles that lie behind it.
public struct Door: Sendable, Hashable {
    public var key: DoorKey
    public var account: String
    public var statement: StatementReference
    /// The entries that pass it, in entry order; outside accounts that only pass where the public does are
    /// listed under the public entry.
    public var entries: [DoorEntry]
    /// The entry hop of each passing entry, in the order of `entries` (for fixes and `explain`).
    public var entryHops: [Hop]
    /// Roles reachable through the door, the door's role included, counted by severity.
    public var behind: [Severity: Int]
    /// The worst target behind the door and why.
    public var severity: Severity
    public var severityReason: String
    public var category: FindingCategory
    /// Open when some entry passes it on an open hop.
    public var state: HopState
    /// The worst targets behind it, each with a shortest path (entry id first).
    public var top: [DoorTarget]
    /// Set when an accepted risk of the project file covered pairs through this door but has expired.
    public var expiredAcceptance: ExpiredAcceptance?

    /// How many roles lie behind it.
    public var behindCount: Int { behind.values.reduce(0, +) }

    /// Entry exposure order for ranking: public, open federation, unknown outside account, known vendor, service.
    public var exposureRank: Int {
        entries.map { Finding.exposureRank(kind: $0.kind, named: $0.name != nil) }.min() ?? 5
    }

    /// Ranking: severity, then entry exposure, then roles behind (more first), then path length, then identity.
    public static func ranked(_ lhs: Door, _ rhs: Door) -> Bool {
        let left = (lhs.severity.rank, lhs.exposureRank, -lhs.behindCount, lhs.top.first?.path.count ?? 0)
        let right = (rhs.severity.rank, rhs.exposureRank, -rhs.behindCount, rhs.top.first?.path.count ?? 0)
        return left != right ? left < right : lhs.key < rhs.key
    }
}
