import Foundation
import GRDB
import TrustPathAnalysis
import TrustPathReport

/// The history file: saved snapshots (label, taken-at, content hash, the full report) and their findings,
/// in SQLite through GRDB.
///
/// Rollback-journal mode (SQLite's default, no WAL): one file to copy around, and every save is one
/// transaction, so a save killed at any point leaves the file as it was before or after the save.
public final class HistoryStore: Sendable {
    /// Where the history lives unless `--db` says otherwise: in the working directory.
    public static let defaultPath = "trustpath-history.sqlite"
    /// Names the most recent snapshot (by taken-at) in references; never a label.
    public static let latestReference = "latest"

    public enum OpenMode: Sendable {
        /// Create the file when missing (saving).
        case createIfMissing
        /// Refuse a missing file (listing, history, diff).
        case existingOnly
    }

    public let path: String
    let queue: DatabaseQueue

    /// Opens (or creates) the file and brings its schema up to date.
    public init(path: String, mode: OpenMode = .createIfMissing) throws(HistoryError) {
        if mode == .existingOnly, !FileManager.default.fileExists(atPath: path) { throw .noDatabase(path: path) }
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.mapped(error, path: path)
        }
        try access {
            try checkIdentity()
            try HistorySchema.migrator.migrate(queue)
        }
    }

    /// Runs database work, turning SQLite errors into ``HistoryError``s that name the file.
    func access<T>(_ body: () throws -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    static func mapped(_ error: any Error, path: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB {
                return .notAHistoryDatabase(path: path, detail: "not an SQLite file")
            }
            if error.resultCode == .SQLITE_CANTOPEN {
                return .database(path: path, message: "cannot open or create the file; check that its folder exists "
                    + "and is writable")
            }
            return .database(path: path, message: error.message ?? "\(error.resultCode)")
        }
        return .database(path: path, message: "\(error)")
    }

    /// Refuses SQLite files that are someone else's, or written by a newer TrustPath.
    private func checkIdentity() throws {
        try queue.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            if applicationID != HistorySchema.applicationID, applicationID != 0 {
                throw HistoryError.notAHistoryDatabase(path: path, detail: "its application id is \(applicationID)")
            }
            if applicationID == 0, !tables.isEmpty {
                throw HistoryError.notAHistoryDatabase(path: path, detail: "it holds other tables: "
                    + tables.prefix(5).joined(separator: ", "))
            }
            let migrator = HistorySchema.migrator
            if try migrator.hasBeenSuperseded(db) {
                let unknown = try migrator.appliedIdentifiers(db).subtracting(try migrator.appliedMigrations(db))
                throw HistoryError.newerSchema(path: path, unknownMigrations: unknown.sorted())
            }
        }
    }
}

extension HistoryStore {
    /// Every saved snapshot, oldest first (by taken-at, then id).
    public func snapshots() throws(HistoryError) -> [SavedSnapshot] {
        try access { try queue.read { db in try Self.snapshots(db, where: nil) } }
    }

    /// The snapshot a reference names: a label, an id, or `latest`.
    public func snapshot(_ reference: String) throws(HistoryError) -> SavedSnapshot {
        try access {
            try queue.read { db in
                if reference == Self.latestReference, let latest = try Self.snapshots(db, where: nil).last { return latest }
                if let found = try Self.snapshots(db, where: ("label = ?", [reference])).first { return found }
                if let id = Int64(reference), let found = try Self.snapshots(db, where: ("id = ?", [id])).first {
                    return found
                }
                let labels = try String.fetchAll(db, sql: "SELECT label FROM snapshot ORDER BY takenAt, id")
                throw HistoryError.notFound(reference: reference, database: path, labels: labels)
            }
        }
    }

    /// The full report saved with a snapshot.
    public func report(of snapshot: SavedSnapshot) throws(HistoryError) -> Report {
        let text = try access {
            try queue.read { db in try String.fetchOne(db, sql: "SELECT report FROM snapshot WHERE id = ?", arguments: [snapshot.id]) }
        }
        guard let text else { throw .notFound(reference: "\(snapshot.id)", database: path, labels: []) }
        do {
            return try JSONDecoder().decode(Report.self, from: Data(text.utf8))
        } catch {
            throw .unreadableStoredReport(label: snapshot.label, database: path, detail: "\(error)")
        }
    }

    static func snapshots(_ db: Database, where filter: (sql: String, arguments: StatementArguments)?) throws -> [SavedSnapshot] {
        let condition = filter.map { " WHERE \($0.sql)" } ?? ""
        let rows = try Row.fetchAll(db, sql: "SELECT \(SavedSnapshot.columns) FROM snapshot\(condition) ORDER BY takenAt, id",
                                    arguments: filter?.arguments ?? [])
        return try rows.map { row in
            let id: Int64 = row["id"]
            var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
            for count in try Row.fetchAll(db, sql: "SELECT severity, COUNT(*) AS n FROM finding WHERE snapshotId = ? GROUP BY severity",
                                          arguments: [id]) {
                counts[count["severity"]] = count["n"]
            }
            return SavedSnapshot(row: row, bySeverity: counts)
        }
    }
}

extension HistoryStore {
    /// `PRAGMA integrity_check`: `["ok"]` for a sound file, else SQLite's list of problems.
    public func integrityCheck() throws(HistoryError) -> [String] {
        try access { try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } }
    }
}
