import GRDB

/// The history file's schema, one migration per version. Never edit a registered migration: add the next one.
enum HistorySchema {
    /// `PRAGMA application_id` of TrustPath history files ("TPth"), so other SQLite files are told apart.
    static let applicationID: Int32 = 0x5450_7468

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE snapshot (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    label TEXT NOT NULL UNIQUE,
                    takenAt TEXT NOT NULL,
                    savedAt TEXT NOT NULL,
                    directory TEXT NOT NULL,
                    contentHash TEXT NOT NULL UNIQUE,
                    toolVersion TEXT NOT NULL,
                    reportSchemaVersion INTEGER NOT NULL,
                    findingCount INTEGER NOT NULL,
                    accountNames TEXT NOT NULL,
                    report TEXT NOT NULL
                );
                CREATE INDEX snapshot_on_takenAt ON snapshot(takenAt, id);
                CREATE TABLE finding (
                    snapshotId INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
                    findingId TEXT NOT NULL,
                    entryKind TEXT NOT NULL,
                    entryId TEXT NOT NULL,
                    entryName TEXT,
                    target TEXT NOT NULL,
                    targetRoleId TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    state TEXT NOT NULL,
                    category TEXT NOT NULL,
                    pathLength INTEGER NOT NULL,
                    PRIMARY KEY (snapshotId, findingId)
                ) WITHOUT ROWID;
                CREATE INDEX finding_on_findingId ON finding(findingId);
                PRAGMA application_id = \(applicationID);
                """)
        }
        return migrator
    }
}
