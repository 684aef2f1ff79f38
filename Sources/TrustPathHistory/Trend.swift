import GRDB
import TrustPathAnalysis
import TrustPathReport

/// One saved snapshot on the trend: its doors and its (entry, role) pairs, counted by severity.
public struct TrendPoint: Sendable, Codable, Hashable {
    public var id: Int64
    public var label: String
    public var takenAt: String
    public var doors: Int
    /// Every severity present, zero included.
    public var doorsBySeverity: [String: Int]
    public var pairs: Int
    /// Every severity present, zero included.
    public var pairsBySeverity: [String: Int]

    public init(id: Int64, label: String, takenAt: String, doorsBySeverity: [String: Int], pairsBySeverity: [String: Int]) {
        self.id = id
        self.label = label
        self.takenAt = takenAt
        let zero = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        self.doorsBySeverity = zero.merging(doorsBySeverity) { _, counted in counted }
        self.pairsBySeverity = zero.merging(pairsBySeverity) { _, counted in counted }
        doors = doorsBySeverity.values.reduce(0, +)
        pairs = pairsBySeverity.values.reduce(0, +)
    }
}

extension HistoryStore {
    /// Per saved snapshot, oldest first: doors by severity (read from each stored report's `doors`, inside SQLite,
    /// so no report is decoded) and pairs by severity (from the finding rows). A report saved before doors existed
    /// counts zero doors.
    public func trend() throws(HistoryError) -> [TrendPoint] {
        try access {
            try queue.read { db in
                let snapshots = try Self.snapshots(db, where: nil)
                var doors: [Int64: [String: Int]] = [:]
                let rows = try Row.fetchAll(db, sql: """
                    SELECT snapshot.id AS id, json_extract(door.value, '$.severity') AS severity, COUNT(*) AS n
                    FROM snapshot, json_each(snapshot.report, '$.doors') AS door
                    WHERE json_valid(snapshot.report)
                    GROUP BY snapshot.id, severity
                    """)
                for row in rows {
                    let id: Int64 = row["id"]
                    let severity: String = row["severity"] ?? "unknown"
                    doors[id, default: [:]][severity] = row["n"]
                }
                return snapshots.map { snapshot in
                    TrendPoint(id: snapshot.id, label: snapshot.label, takenAt: snapshot.takenAt,
                               doorsBySeverity: doors[snapshot.id] ?? [:], pairsBySeverity: snapshot.bySeverity)
                }
            }
        }
    }
}
