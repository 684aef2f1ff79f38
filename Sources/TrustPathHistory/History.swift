import Foundation
import GRDB
import TrustPathAnalysis
import TrustPathEngine
import TrustPathReport

/// Many saved snapshots over time: counts per snapshot, the trend of open findings, time to fix.
///
/// A finding is open from the first snapshot that has it until the first later snapshot that does not; if it
/// comes back, a new episode starts (marked `reopened`). Time to fix is the taken-at of the snapshot where it
/// disappeared minus the taken-at of the snapshot where it was first seen: an upper bound, since the fix
/// happened somewhere in between.
public struct History: Sendable, Codable, Hashable {
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var database: String
    /// Oldest first.
    public var snapshots: [HistoryPoint]
    /// Episodes that ended: the finding disappeared. Oldest fix first.
    public var fixed: [FindingEpisode]
    /// Findings of the latest snapshot, with how long they have been open. Oldest first.
    public var open: [FindingEpisode]
    /// Median of `fixed[].daysToFix`, nil without fixes.
    public var medianDaysToFix: Double?
    /// Account names of the latest snapshot, for display.
    public var accountNames: [String: String]
    /// Doors and pairs by severity per snapshot, oldest first (filled by ``HistoryStore/history()``).
    public var trend: [TrendPoint] = []

    public static let currentSchemaVersion = 1

    /// Builds the history from saved snapshots (any order) and their finding rows.
    public init(database: String, snapshots: [SavedSnapshot], findings: [StoredFinding],
                accountNames: [String: String] = [:]) {
        schemaVersion = Self.currentSchemaVersion
        tool = ToolInfo()
        self.database = database
        self.accountNames = accountNames
        let ordered = snapshots.sorted { ($0.takenAt, $0.id) < ($1.takenAt, $1.id) }
        let bySnapshot = Dictionary(grouping: findings, by: \.snapshotID)
        var points: [HistoryPoint] = []
        var openSince: [String: (first: SavedSnapshot, last: StoredFinding)] = [:]
        var everFixed = Set<String>()
        var reopened = Set<String>()
        var fixed: [FindingEpisode] = []
        for snapshot in ordered {
            let present = Dictionary((bySnapshot[snapshot.id] ?? []).map { ($0.findingID, $0) }, uniquingKeysWith: { a, _ in a })
            var point = HistoryPoint(snapshot, findings: Array(present.values))
            for (id, episode) in openSince where present[id] == nil {
                fixed.append(FindingEpisode(episode.last, firstSeen: episode.first, end: snapshot,
                                            reopened: reopened.contains(id)))
                openSince[id] = nil
                everFixed.insert(id)
                point.resolved += 1
            }
            for (id, finding) in present {
                if let episode = openSince[id] {
                    openSince[id] = (episode.first, finding)
                } else {
                    openSince[id] = (snapshot, finding)
                    if everFixed.contains(id) { reopened.insert(id) } else { reopened.remove(id) }
                    point.new += 1
                }
            }
            if points.isEmpty { point.new = 0 }
            points.append(point)
        }
        self.snapshots = points
        self.fixed = fixed.sorted { ($0.endedAt ?? "", $0.firstSeenAt, $0.id) < ($1.endedAt ?? "", $1.firstSeenAt, $1.id) }
        let latest = ordered.last
        open = openSince.map { id, episode in
            FindingEpisode(episode.last, firstSeen: episode.first, end: nil, latest: latest, reopened: reopened.contains(id))
        }.sorted { ($0.firstSeenAt, Severity(rawValue: $0.severity)?.rank ?? 9, $0.id)
            < ($1.firstSeenAt, Severity(rawValue: $1.severity)?.rank ?? 9, $1.id) }
        let days = self.fixed.compactMap(\.daysToFix).sorted()
        medianDaysToFix = days.isEmpty ? nil
            : days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
    }
}

/// One finding row of the history file.
public struct StoredFinding: Sendable, Codable, Hashable {
    public var snapshotID: Int64
    public var findingID: String
    public var entry: Entry
    public var target: String
    public var targetRoleID: String
    public var severity: String
    public var state: String

    public init(snapshotID: Int64, findingID: String, entry: Entry, target: String, targetRoleID: String,
                severity: String, state: String) {
        self.snapshotID = snapshotID
        self.findingID = findingID
        self.entry = entry
        self.target = target
        self.targetRoleID = targetRoleID
        self.severity = severity
        self.state = state
    }
}

/// One snapshot on the timeline.
public struct HistoryPoint: Sendable, Codable, Hashable {
    public var id: Int64
    public var label: String
    public var takenAt: String
    /// Findings present (open, in the sense of not yet fixed).
    public var findings: Int
    public var bySeverity: [String: Int]
    /// Findings whose chain rests on a condition the analysis cannot decide.
    public var conditional: Int
    /// Present here and absent from the previous snapshot (0 for the first).
    public var new: Int
    /// Present in the previous snapshot and absent here.
    public var resolved: Int

    init(_ snapshot: SavedSnapshot, findings: [StoredFinding]) {
        id = snapshot.id
        label = snapshot.label
        takenAt = snapshot.takenAt
        self.findings = findings.count
        bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in
            (severity.rawValue, findings.filter { $0.severity == severity.rawValue }.count)
        })
        conditional = findings.filter { $0.state == HopState.conditional.rawValue }.count
        new = 0
        resolved = 0
    }
}

/// A stretch of snapshots in which a finding was present.
public struct FindingEpisode: Sendable, Codable, Hashable {
    /// The finding identity, `kind:entryId->targetArn`.
    public var id: String
    public var entry: Entry
    public var target: String
    /// As last seen.
    public var severity: String
    public var firstSeenLabel: String
    public var firstSeenAt: String
    /// The snapshot where it was gone: nil while open.
    public var endedLabel: String?
    public var endedAt: String?
    /// Fixed episodes: `endedAt − firstSeenAt` in days.
    public var daysToFix: Double?
    /// Open episodes: latest snapshot's taken-at − `firstSeenAt` in days.
    public var daysOpen: Double?
    /// It had been fixed before and came back.
    public var reopened: Bool

    init(_ finding: StoredFinding, firstSeen: SavedSnapshot, end: SavedSnapshot?, latest: SavedSnapshot? = nil,
         reopened: Bool) {
        id = finding.findingID
        entry = finding.entry
        target = finding.target
        severity = finding.severity
        firstSeenLabel = firstSeen.label
        firstSeenAt = firstSeen.takenAt
        endedLabel = end?.label
        endedAt = end?.takenAt
        daysToFix = end.flatMap { HistoryDate.days(from: firstSeen.takenAt, to: $0.takenAt) }
        daysOpen = end == nil ? latest.flatMap { HistoryDate.days(from: firstSeen.takenAt, to: $0.takenAt) } : nil
        self.reopened = reopened
    }
}

extension HistoryStore {
    /// The whole history of the file.
    public func history() throws(HistoryError) -> History {
        var history = try findingHistory()
        history.trend = try trend()
        return history
    }

    private func findingHistory() throws(HistoryError) -> History {
        try access {
            try queue.read { db in
                let snapshots = try Self.snapshots(db, where: nil)
                let rows = try Row.fetchAll(db, sql: """
                    SELECT snapshotId, findingId, entryKind, entryId, entryName, target, targetRoleId, severity, state
                    FROM finding
                    """)
                let findings = rows.compactMap { row -> StoredFinding? in
                    guard let kind = Actor.EntryKind(rawValue: row["entryKind"]) else { return nil }
                    return StoredFinding(snapshotID: row["snapshotId"], findingID: row["findingId"],
                                         entry: Entry(kind: kind, id: row["entryId"], name: row["entryName"]),
                                         target: row["target"], targetRoleID: row["targetRoleId"],
                                         severity: row["severity"], state: row["state"])
                }
                var names: [String: String] = [:]
                if let latest = snapshots.last,
                   let text = try String.fetchOne(db, sql: "SELECT accountNames FROM snapshot WHERE id = ?",
                                                  arguments: [latest.id]) {
                    names = (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
                }
                return History(database: path, snapshots: snapshots, findings: findings, accountNames: names)
            }
        }
    }
}
