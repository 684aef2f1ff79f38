import GRDB
import TrustPathCompare

/// A snapshot in the history file, without its report.
public struct SavedSnapshot: Sendable, Codable, Hashable {
    public var id: Int64
    public var label: String
    /// ISO 8601, UTC: when the export was taken (`--taken-at`, else the time of saving).
    public var takenAt: String
    /// ISO 8601, UTC: when it was saved.
    public var savedAt: String
    /// The directory as given when saving.
    public var directory: String
    /// `sha256:…` over the input files' contents (see ``ContentHash``).
    public var contentHash: String
    public var toolVersion: String
    public var findingCount: Int
    /// Findings per severity; every severity present, zero included.
    public var bySeverity: [String: Int]

    /// What a diff side records of it.
    public var reference: SavedSnapshotReference {
        SavedSnapshotReference(id: id, label: label, takenAt: takenAt)
    }

    static let columns = "id, label, takenAt, savedAt, directory, contentHash, toolVersion, findingCount"

    init(row: Row, bySeverity: [String: Int]) {
        id = row["id"]
        label = row["label"]
        takenAt = row["takenAt"]
        savedAt = row["savedAt"]
        directory = row["directory"]
        contentHash = row["contentHash"]
        toolVersion = row["toolVersion"]
        findingCount = row["findingCount"]
        self.bySeverity = bySeverity
    }
}
