/// Everything the history layer refuses or fails at, each with a message that names the file and what to do.
public enum HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file of the snapshot could not be read.
    case unreadableInput(path: String, reason: String)
    /// The same input (by content hash) is already saved; nothing was written.
    case alreadySaved(existing: SavedSnapshot, database: String)
    /// Another snapshot already uses the label; nothing was written.
    case labelTaken(label: String, existing: SavedSnapshot, database: String)
    /// No history file at the path, for a command that only reads.
    case noDatabase(path: String)
    /// The file is SQLite but not a TrustPath history, or not SQLite at all.
    case notAHistoryDatabase(path: String, detail: String)
    /// The file was written by a newer TrustPath with a schema this one does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// No saved snapshot has this label or id.
    case notFound(reference: String, database: String, labels: [String])
    /// A stored report could not be decoded.
    case unreadableStoredReport(label: String, database: String, detail: String)
    /// A `--taken-at` value that is not an ISO 8601 date.
    case invalidDate(String)
    /// An empty label, or one that could be mistaken for an id.
    case invalidLabel(String, reason: String)
    /// SQLite said no.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case let .unreadableInput(path, reason):
            "\(path): \(reason); check that the file exists and is readable"
        case let .alreadySaved(existing, database):
            "this snapshot is already saved in \(database) as #\(existing.id) '\(existing.label)' "
                + "(taken \(existing.takenAt), saved \(existing.savedAt), content \(existing.contentHash.prefix(19))…); "
                + "nothing was written. Files are compared by content: change a file to save a new snapshot"
        case let .labelTaken(label, existing, database):
            "the label '\(label)' is already used in \(database) by snapshot #\(existing.id) "
                + "(taken \(existing.takenAt)); nothing was written. Choose another with --label"
        case let .noDatabase(path):
            "no history database at \(path); save a snapshot first (trustpath snapshot save DIR) or pass --db PATH"
        case let .notAHistoryDatabase(path, detail):
            "\(path) is not a TrustPath history database (\(detail)); pass another file with --db"
        case let .newerSchema(path, unknown):
            "\(path) was written by a newer TrustPath (schema steps \(unknown.joined(separator: ", ")) are unknown "
                + "to this one); upgrade trustpath to use it"
        case let .notFound(reference, database, labels):
            "no saved snapshot '\(reference)' in \(database)"
                + (labels.isEmpty ? "; it holds no snapshots" : "; saved labels: \(labels.joined(separator: ", "))")
                + ". Name one by label (db:LABEL) or id (db:ID); `trustpath snapshot list` shows them"
        case let .unreadableStoredReport(label, database, detail):
            "the report saved as '\(label)' in \(database) cannot be read (\(detail)); save the snapshot again "
                + "under a new label"
        case let .invalidDate(text):
            "'\(text)' is not a date: use ISO 8601, e.g. 2026-10-01 or 2026-10-01T09:30:00Z"
        case let .invalidLabel(label, reason):
            "'\(label)' cannot be a label: \(reason)"
        case let .database(path, message):
            "\(path): \(message)"
        }
    }
}
