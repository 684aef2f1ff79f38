import Foundation
import GRDB
import Testing
import TrustPathAnalysis
import TrustPathHistory
import TrustPathModel
import TrustPathReport

@Suite("History: store")
struct HistoryStoreTests {
    typealias F = HistoryFixtures

    @Test func savesListsAndReadsBackReports() throws {
        let temp = try TemporaryDirectory()
        let store = try HistoryStore(path: temp.file("h.sqlite"))
        let report = F.report([F.finding(to: "A", severity: .critical), F.finding(to: "B", severity: .low)])
        let saved = try store.save(report, label: "october", takenAt: F.date("2026-10-01"), contentHash: "sha256:1")
        #expect(saved.id == 1 && saved.label == "october" && saved.takenAt == "2026-10-01T00:00:00Z")
        #expect(saved.findingCount == 2)
        #expect(saved.bySeverity == ["critical": 1, "high": 0, "medium": 0, "low": 1])
        #expect(try store.snapshots() == [saved])
        #expect(try store.report(of: saved) == report)
        #expect(try store.snapshot("october") == saved)
        #expect(try store.snapshot("1") == saved)
        #expect(try store.snapshot("latest") == saved)
        #expect(throws: HistoryError.notFound(reference: "nope", database: store.path, labels: ["october"])) {
            try store.snapshot("nope")
        }
    }

    @Test func savingTheSameSnapshotTwiceIsRefusedAndWritesNothing() throws {
        let temp = try TemporaryDirectory()
        let store = try HistoryStore(path: temp.file("h.sqlite"))
        let report = F.report([F.finding(to: "A")])
        let first = try store.save(report, label: "one", takenAt: F.date("2026-10-01"), contentHash: "sha256:same")
        #expect(throws: HistoryError.alreadySaved(existing: first, database: store.path)) {
            try store.save(report, label: "two", takenAt: F.date("2026-11-01"), contentHash: "sha256:same")
        }
        #expect(throws: HistoryError.labelTaken(label: "one", existing: first, database: store.path)) {
            try store.save(report, label: "one", takenAt: F.date("2026-11-01"), contentHash: "sha256:other")
        }
        #expect(try store.snapshots() == [first])
        #expect(try store.history().snapshots.map(\.findings) == [1])
        let message = HistoryError.alreadySaved(existing: first, database: "h.sqlite").description
        #expect(message.contains("already saved") && message.contains("'one'") && message.contains("nothing was written"))
    }

    @Test func labelsThatWouldBeAmbiguousAreRefused() throws {
        let temp = try TemporaryDirectory()
        let store = try HistoryStore(path: temp.file("h.sqlite"))
        for label in ["42", "latest", "", " padded"] {
            #expect(throws: HistoryError.self) {
                try store.save(F.report([]), label: label, takenAt: Date(), contentHash: "sha256:\(label)")
            }
        }
        #expect(try store.snapshots().isEmpty)
    }

    @Test func historyCountsTrendAndTimeToFix() throws {
        let temp = try TemporaryDirectory()
        let store = try HistoryStore(path: temp.file("h.sqlite"))
        let a = F.finding(to: "A", severity: .critical), b = F.finding(to: "B", severity: .medium)
        let c = F.finding(to: "C", severity: .low)
        // Saved out of order on purpose: history orders by taken-at.
        try store.save(F.report([a, c]), label: "dec", takenAt: F.date("2026-12-01"), contentHash: "sha256:3")
        try store.save(F.report([a, b]), label: "oct", takenAt: F.date("2026-10-01"), contentHash: "sha256:1")
        try store.save(F.report([a]), label: "nov", takenAt: F.date("2026-11-01"), contentHash: "sha256:2")
        let history = try store.history()
        #expect(history.snapshots.map(\.label) == ["oct", "nov", "dec"])
        #expect(history.snapshots.map(\.findings) == [2, 1, 2])
        #expect(history.snapshots.map(\.new) == [0, 0, 1])
        #expect(history.snapshots.map(\.resolved) == [0, 1, 0])
        #expect(history.snapshots[0].bySeverity == ["critical": 1, "high": 0, "medium": 1, "low": 0])
        #expect(history.fixed.map(\.id) == [b.id])
        #expect(history.fixed.first?.daysToFix == 31)
        #expect(history.fixed.first?.endedLabel == "nov")
        #expect(history.medianDaysToFix == 31)
        #expect(Set(history.open.map(\.id)) == [a.id, c.id])
        #expect(history.open.first { $0.id == a.id }?.daysOpen == 61)
        #expect(history.open.first { $0.id == c.id }?.daysOpen == 0)
        let text = HistoryTextReporter.render(history)
        #expect(text.contains("Open pairs over time: 2 → 1 → 2"))
        #expect(text.contains("Doors  Pairs"), "doors and pairs per snapshot")
        #expect(text.contains("median time to fix 31.0 days"))
        #expect(try store.snapshot("latest").label == "dec")
    }

    @Test func aFindingThatComesBackStartsANewEpisode() {
        let a = F.finding(to: "A")
        func saved(_ id: Int64, _ day: String) -> SavedSnapshot {
            // Decoding keeps the test independent of SavedSnapshot's internal initializer.
            let json = """
            {"id": \(id), "label": "s\(id)", "takenAt": "\(day)T00:00:00Z", "savedAt": "\(day)T00:00:00Z",
             "directory": "d", "contentHash": "h\(id)", "toolVersion": "t", "findingCount": 0, "bySeverity": {}}
            """
            return (try? JSONDecoder().decode(SavedSnapshot.self, from: Data(json.utf8))) ?? { preconditionFailure() }()
        }
        func row(_ snapshot: Int64) -> StoredFinding {
            StoredFinding(snapshotID: snapshot, findingID: a.id, entry: a.entry, target: a.target,
                          targetRoleID: a.targetRoleID, severity: "high", state: "open")
        }
        let history = History(database: "x", snapshots: [saved(1, "2026-01-01"), saved(2, "2026-01-11"),
                                                         saved(3, "2026-01-21"), saved(4, "2026-01-31")],
                              findings: [row(1), row(3)])
        #expect(history.fixed.map(\.daysToFix) == [10, 10])
        #expect(history.fixed.map(\.reopened) == [false, true])
        #expect(history.open.isEmpty)
        #expect(history.snapshots.map(\.new) == [0, 0, 1, 0])
    }

    @Test func otherSQLiteFilesAndNewerSchemasAreRefused() throws {
        let temp = try TemporaryDirectory()
        let foreign = temp.file("foreign.sqlite")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: HistoryError.self) { try HistoryStore(path: foreign) }

        let notSQLite = temp.file("text.sqlite")
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: notSQLite))
        #expect(throws: HistoryError.notAHistoryDatabase(path: notSQLite, detail: "not an SQLite file")) {
            try HistoryStore(path: notSQLite)
        }

        let newer = temp.file("newer.sqlite")
        _ = try HistoryStore(path: newer)
        try DatabaseQueue(path: newer).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        #expect(throws: HistoryError.newerSchema(path: newer, unknownMigrations: ["v99"])) { try HistoryStore(path: newer) }

        #expect(throws: HistoryError.noDatabase(path: temp.file("missing.sqlite"))) {
            try HistoryStore(path: temp.file("missing.sqlite"), mode: .existingOnly)
        }
        #expect(!FileManager.default.fileExists(atPath: temp.file("missing.sqlite")))
    }

    @Test func schemaIsVersionedAndSingleFile() throws {
        let temp = try TemporaryDirectory()
        let store = try HistoryStore(path: temp.file("h.sqlite"))
        try store.save(F.report([F.finding(to: "A")]), label: "one", takenAt: Date(), contentHash: "sha256:1")
        let (migrations, journal, integrity) = try DatabaseQueue(path: store.path).read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try String.fetchOne(db, sql: "PRAGMA integrity_check"))
        }
        #expect(migrations == ["v1"])
        #expect(journal == "delete")
        #expect(integrity == "ok")
    }
}

@Suite("History: content hash and dates")
struct HistoryContentHashTests {
    @Test func sha256MatchesTheStandardVectors() throws {
        let vectors = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ]
        for (input, digest) in vectors {
            #expect(ContentHash.of(fileDigests: []) != digest)
            let temp = try TemporaryDirectory()
            try Data(input.utf8).write(to: temp.url.appendingPathComponent("f.json"))
            let report = Self.report(files: ["f.json"])
            #expect(try ContentHash.of(report: report, directory: temp.path) == ContentHash.of(fileDigests: [digest]))
        }
        // A million 'a's crosses many blocks and the buffer boundary.
        let temp = try TemporaryDirectory()
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: temp.url.appendingPathComponent("m.json"))
        #expect(try ContentHash.of(report: Self.report(files: ["m.json"]), directory: temp.path)
            == ContentHash.of(fileDigests: ["cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"]))
    }

    @Test func hashIgnoresNamesAndOrderButNotContent() throws {
        let one = try TemporaryDirectory(), two = try TemporaryDirectory()
        try Data("{\"a\": 1}".utf8).write(to: one.url.appendingPathComponent("x.json"))
        try Data("{\"b\": 2}".utf8).write(to: one.url.appendingPathComponent("y.json"))
        try Data("{\"b\": 2}".utf8).write(to: two.url.appendingPathComponent("first.json"))
        try Data("{\"a\": 1}".utf8).write(to: two.url.appendingPathComponent("second.json"))
        let hashOne = try ContentHash.of(report: Self.report(files: ["x.json", "y.json"]), directory: one.path)
        let hashTwo = try ContentHash.of(report: Self.report(files: ["first.json", "second.json"]), directory: two.path)
        #expect(hashOne == hashTwo)
        try Data("{\"a\": 3}".utf8).write(to: two.url.appendingPathComponent("second.json"))
        #expect(try ContentHash.of(report: Self.report(files: ["first.json", "second.json"]), directory: two.path) != hashOne)
    }

    @Test func datesAcceptISO8601FormsAndRefuseOthers() throws {
        #expect(HistoryDate.format(try HistoryDate.parse("2026-10-01")) == "2026-10-01T00:00:00Z")
        #expect(HistoryDate.format(try HistoryDate.parse("2026-10-01T09:30:00Z")) == "2026-10-01T09:30:00Z")
        #expect(HistoryDate.format(try HistoryDate.parse("2026-10-01T09:30:00+02:00")) == "2026-10-01T07:30:00Z")
        #expect(HistoryDate.format(try HistoryDate.parse("2026-10-01T09:30:00.250Z")) == "2026-10-01T09:30:00Z")
        for bad in ["yesterday", "01/10/2026", "2026-13-01", "2026-10-01Tnoon"] {
            #expect(throws: HistoryError.invalidDate(bad)) { try HistoryDate.parse(bad) }
        }
    }

    static func report(files: [String]) -> Report {
        let info = SnapshotInfo(directory: "", organizationID: nil, analyzedAccounts: [], trustedAccounts: 0,
                                files: files.map { InputFile(path: $0, kind: .authorizationDetails, detail: "") },
                                accountNames: [:])
        return Report(snapshot: info, findings: [], assumptions: [], diagnostics: [])
    }
}
