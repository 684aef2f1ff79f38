import TrustPathEngine
import TrustPathModel

/// The outside position a chain starts from.
public struct Entry: Sendable, Hashable, Codable, Comparable {
    public var kind: Actor.EntryKind
    /// `*`, a 12-digit account id, a service name, or a provider ARN/name.
    public var id: String
    /// A known vendor's name, when the account is one.
    public var name: String?

    public init(kind: Actor.EntryKind, id: String, name: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    public init?(_ actor: Actor, name: String? = nil) {
        guard let kind = actor.entryKind else { return nil }
        self.init(kind: kind, id: actor.id, name: name)
    }

    public var actor: Actor {
        switch kind {
        case .public: .anyone
        case .externalAccount: .externalAccount(id)
        case .service: .service(id)
        case .federated: .federated(id)
        }
    }

    public static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.actor < rhs.actor }
}

/// One step of a chain, with the statement that allowed it and what it lacked.
public struct Hop: Sendable, Hashable, Codable {
    /// The entry id or the role ARN the step starts from.
    public var from: String
    public var to: String
    public var state: HopState
    public var statement: StatementReference?
    public var matchedPrincipal: String?
    public var identityRequired: Bool
    public var identityStatement: StatementReference?
    public var guardsPresent: [String]
    public var guardsMissing: [String]
    public var weakGuards: [String]
    /// The condition keys of `weakGuards` (`sts:ExternalId`, `token.actions.githubusercontent.com:sub`), from the typed
    /// guards; nil in reports saved before it existed.
    public var weakKeys: [String]?
    /// Conditions the step rests on that the analysis cannot decide.
    public var restsOn: [String]

    public init(_ verdict: HopVerdict) {
        from = verdict.actor.id
        to = verdict.target
        state = verdict.state
        statement = verdict.trustStatement
        matchedPrincipal = verdict.matchedPrincipal
        identityRequired = verdict.identityRequired
        identityStatement = verdict.identityStatement
        guardsPresent = verdict.guardsPresent
        guardsMissing = verdict.guardsMissing
        weakGuards = verdict.weakGuards
        var seen: Set<String> = []
        weakKeys = verdict.guards.filter { $0.strength == .weak }.map(\.key).filter { seen.insert($0).inserted }
        restsOn = verdict.restsOn
    }
}

/// Cross-account findings (public, federation, external accounts) and cross-service ones are reported apart:
/// real accounts hold dozens of unpinned service roles.
public enum FindingCategory: String, Sendable, Codable {
    case crossAccount = "cross-account"
    case crossService = "cross-service"
}

/// An (entry, role) pair reachable by a chain of hops.
public struct Finding: Sendable, Hashable, Codable {
    /// Stable across runs and snapshots: derived from the entry and the target.
    public var id: String
    public var entry: Entry
    /// The role ARN.
    public var target: String
    public var targetAccount: String
    /// The role's unique id: tells a role deleted and recreated under the same name apart.
    public var targetRoleID: String
    public var severity: Severity
    public var severityReason: String
    public var category: FindingCategory
    /// Open when every hop of the path is open; conditional otherwise.
    public var state: HopState
    /// The entry id, then the role ARNs in order: a shortest chain.
    public var path: [String]
    public var hops: [Hop]
    /// Other chains of the same length, at most `--max-paths` − 1 of them.
    public var alternatives: [[String]]
    /// Set when a crown-jewel rule of the project file raised the severity.
    public var crownJewel: CrownJewelMark?
    /// Set when an accepted risk covered this finding but has expired.
    public var expiredAcceptance: ExpiredAcceptance?
    /// Why the entry is worse than its kind says (a known vendor without sts:ExternalId: the confused deputy).
    public var note: String?
    /// Where the entry hop's trust statement starts in its file, when the file could be read: set where a report shows
    /// single findings (`diff`), from the door at that statement.
    public var entryRegion: SourceRegion?
    /// The target role's `RoleLastUsed`, when the export has it.
    public var lastUsed: LastUsed?

    /// Entry exposure order for ranking: public, open federation, unknown external, known vendor, service.
    public var exposureRank: Int { Self.exposureRank(kind: entry.kind, named: entry.name != nil) }

    /// Public, open federation, unknown outside account, known vendor, service.
    public static func exposureRank(kind: Actor.EntryKind, named: Bool) -> Int {
        switch kind {
        case .public: 0
        case .federated: 1
        case .externalAccount: named ? 3 : 2
        case .service: 4
        }
    }

    /// The door the chain enters through: the first hop's role and statement.
    public var door: DoorKey? {
        guard let first = hops.first, let statement = first.statement else { return nil }
        return DoorKey(role: first.to, statement: statement.index)
    }

    /// Ranking: severity, then exposure, then path length, then identity for a stable order.
    public static func ranked(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.severity.rank, lhs.exposureRank, lhs.path.count, lhs.entry.id, lhs.target)
            < (rhs.severity.rank, rhs.exposureRank, rhs.path.count, rhs.entry.id, rhs.target)
    }

    /// Findings in `ranked` order, ties kept in their given order. Sorts positions by precomputed keys: moving
    /// whole findings and building a key per comparison dominated at tens of thousands of findings.
    public static func sortedByRank(_ findings: [Finding]) -> [Finding] {
        var sorted = findings
        sortByRank(&sorted)
        return sorted
    }

    /// The same, in place: findings are moved along the sorted order's cycles, not copied (a large organization has a
    /// hundred thousand of them, each holding a score of strings and arrays).
    public static func sortByRank(_ findings: inout [Finding]) {
        let order = rankOrder(findings)
        // Position `i` takes the finding at `order[i]`: each cycle of the order is one run of swaps.
        var placed = [Bool](repeating: false, count: findings.count)
        // Swapped through the buffer, which moves findings bit by bit (the array's own swap copied them).
        findings.withUnsafeMutableBufferPointer { buffer in
            for start in buffer.indices where !placed[start] {
                var current = start
                placed[current] = true
                while order[current] != start {
                    buffer.swapAt(current, order[current])
                    current = order[current]
                    placed[current] = true
                }
            }
        }
    }

    /// The positions of `findings` in `ranked` order, ties in position order. Severity, exposure, path length and the
    /// entry id's place among the entry ids are packed into one integer, so most comparisons compare two integers;
    /// targets are compared only within one entry's findings of one rank.
    static func rankOrder(_ findings: [Finding]) -> [Int] {
        let ids = Array(Set(findings.map(\.entry.id))).sorted()
        let idRanks = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        guard ids.count < 1 << 24, !findings.contains(where: { $0.path.count >= 1 << 12 }) else {
            let keys = findings.map { ($0.severity.rank, $0.exposureRank, $0.path.count, $0.entry.id, $0.target) }
            return findings.indices.sorted { left, right in keys[left] != keys[right] ? keys[left] < keys[right] : left < right }
        }
        let keys = findings.map { finding in
            finding.severity.rank << 40 | finding.exposureRank << 36 | finding.path.count << 24 | (idRanks[finding.entry.id] ?? 0)
        }
        let targets = findings.map(\.target)
        return findings.indices.sorted { left, right in
            if keys[left] != keys[right] { return keys[left] < keys[right] }
            if targets[left] != targets[right] { return targets[left] < targets[right] }
            return left < right
        }
    }

    /// The identity key: `kind:id->target`.
    public static func identity(entry: Entry, target: String) -> String {
        "\(entry.kind.rawValue):\(entry.id)->\(target)"
    }
}
