import Foundation
import GRDB
import TrustPathAnalysis
import TrustPathReport

extension HistoryStore {
    /// Saves a report as a snapshot, in one transaction: the snapshot row with the full report, then one row
    /// per finding. Refuses, writing nothing, when the content hash or the label is already saved.
    ///
    /// - Parameter afterFindingRow: called after each finding row is written, with the count so far, inside
    ///   the transaction (progress, and the crash test's hook to stop a save midway).
    @discardableResult
    public func save(_ report: Report, label: String, takenAt: Date, contentHash: String, savedAt: Date = Date(),
                     afterFindingRow: (Int) -> Void = { _ in }) throws(HistoryError) -> SavedSnapshot {
        try Self.validate(label: label)
        let findings = Self.unique(report.findings)
        let reportJSON = try Self.compactJSON(report)
        let namesJSON = try Self.compactJSON(report.snapshot.accountNames)
        do {
            return try queue.write { db in
                try refuseDuplicate(db, label: label, contentHash: contentHash)
                try db.execute(sql: """
                    INSERT INTO snapshot (label, takenAt, savedAt, directory, contentHash, toolVersion,
                                          reportSchemaVersion, findingCount, accountNames, report)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [label, HistoryDate.format(takenAt), HistoryDate.format(savedAt),
                                     report.snapshot.directory, contentHash, report.tool.version, report.schemaVersion,
                                     findings.count, namesJSON, reportJSON])
                let id = db.lastInsertedRowID
                let insert = try db.makeStatement(sql: """
                    INSERT INTO finding (snapshotId, findingId, entryKind, entryId, entryName, target, targetRoleId,
                                         severity, state, category, pathLength)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for (offset, finding) in findings.enumerated() {
                    try insert.execute(arguments: [id, finding.id, finding.entry.kind.rawValue, finding.entry.id,
                                                   finding.entry.name, finding.target, finding.targetRoleID,
                                                   finding.severity.rawValue, finding.state.rawValue,
                                                   finding.category.rawValue, finding.path.count])
                    afterFindingRow(offset + 1)
                }
                guard let saved = try Self.snapshots(db, where: ("id = ?", [id])).first else {
                    throw HistoryError.database(path: path, message: "the snapshot just written cannot be read back")
                }
                return saved
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // Another process saved the same content or label between our check and our insert.
            try access { try queue.read { db in try refuseDuplicate(db, label: label, contentHash: contentHash) } }
            throw Self.mapped(error, path: path)
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    private func refuseDuplicate(_ db: Database, label: String, contentHash: String) throws {
        if let existing = try Self.snapshots(db, where: ("contentHash = ?", [contentHash])).first {
            throw HistoryError.alreadySaved(existing: existing, database: path)
        }
        if let existing = try Self.snapshots(db, where: ("label = ?", [label])).first {
            throw HistoryError.labelTaken(label: label, existing: existing, database: path)
        }
    }

    /// Labels name snapshots in `db:LABEL`; ids and `latest` must stay unambiguous.
    static func validate(label: String) throws(HistoryError) {
        if label.isEmpty || label.trimmingCharacters(in: .whitespacesAndNewlines) != label {
            throw .invalidLabel(label, reason: "it must be non-empty, without leading or trailing spaces")
        }
        if label.allSatisfy(\.isNumber) { throw .invalidLabel(label, reason: "all digits would read as a snapshot id") }
        if label == latestReference { throw .invalidLabel(label, reason: "db:latest names the most recent snapshot") }
        if label.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .invalidLabel(label, reason: "it holds control characters")
        }
    }

    /// One row per identity: a report never repeats one, and the first (best-ranked) would win if it did.
    static func unique(_ findings: [Finding]) -> [Finding] {
        var seen = Set<String>()
        return findings.filter { seen.insert($0.id).inserted }
    }

    static func compactJSON<T: Encodable>(_ value: T) throws(HistoryError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .database(path: "(report)", message: "the report cannot be encoded: \(error)")
        }
    }
}
