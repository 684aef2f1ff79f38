import Foundation
import Testing
import TrustPathHistory

/// A save killed with SIGKILL in the middle of its transaction leaves the history as it was before.
///
/// The save runs in a child process (the built `trustpath` binary). `TRUSTPATH_TEST_STALL_SAVE_AFTER_ROWS` makes
/// it stop inside the transaction after writing that many finding rows (the report, megabytes of it, is already
/// written, so SQLite has spilled pages into the database file and holds the originals in its journal); the
/// test kills it there, and also at timed points of unhooked saves.
@Suite("History: crash safety", .serialized)
struct HistoryCrashSafetyTests {
    static let bigRoles = 2_000

    @Test func saveKilledMidTransactionLeavesEarlierSnapshotsIntact() throws {
        let world = try Self.historyWithABigSnapshotToSave()
        let (binary, db, before, big) = (world.binary, world.db, world.before, world.big)

        let child = try ChildProcess(binary, ["snapshot", "save", big, "--label", "big", "--db", db],
                                     environment: ["TRUSTPATH_TEST_STALL_SAVE_AFTER_ROWS": "\(Self.bigRoles / 2)"])
        let said = child.waitForStandardError(containing: "stalled after", timeout: 60)
        #expect(said.contains("stalled after \(Self.bigRoles / 2) rows"), "the save never reached the stall: \(said)")
        // Mid-write for real: the transaction has a journal, and the database file already changed.
        #expect(FileManager.default.fileExists(atPath: db + "-journal"))
        child.kill()
        #expect(child.wait() == SIGKILL)

        try Self.expectIntact(db: db, before: before)
        // The interrupted snapshot was not recorded, so saving it now works.
        let retry = try ChildProcess(binary, ["snapshot", "save", big, "--label", "big", "--db", db])
        #expect(retry.wait() == 0)
        let store = try HistoryStore(path: db, mode: .existingOnly)
        #expect(try store.snapshots().map(\.label) == before.map(\.label) + ["big"])
        #expect(try store.snapshot("big").findingCount == Self.bigRoles)
    }

    @Test func savesKilledAtTimedPointsLeaveTheFileBeforeOrAfter() throws {
        let world = try Self.historyWithABigSnapshotToSave()
        let (binary, db, before, big) = (world.binary, world.db, world.before, world.big)
        // How long an uninterrupted save takes, on a throwaway copy of the database.
        let copy = world.temp.file("timing.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let start = Date()
        #expect(try ChildProcess(binary, ["snapshot", "save", big, "--db", copy]).wait() == 0)
        let duration = Date().timeIntervalSince(start)

        for fraction in [0.5, 0.7, 0.8, 0.9, 0.95] {
            let child = try ChildProcess(binary, ["snapshot", "save", big, "--label", "big", "--db", db])
            Thread.sleep(forTimeInterval: duration * fraction)
            child.kill()
            let status = child.wait()
            let labels = try HistoryStore(path: db, mode: .existingOnly).snapshots().map(\.label)
            if status == 0 || labels.contains("big") {
                // Finished before the kill: the whole snapshot is there.
                #expect(labels == before.map(\.label) + ["big"])
                #expect(try HistoryStore(path: db).snapshot("big").findingCount == Self.bigRoles)
                return
            }
            try Self.expectIntact(db: db, before: before)
        }
    }

    // MARK: - Helpers

    /// A history of two small snapshots, and a big snapshot directory not saved yet.
    struct HistoryWorld {
        var binary: URL
        var temp: TemporaryDirectory
        var db: String
        var before: [SavedSnapshot]
        var big: String
    }

    static func historyWithABigSnapshotToSave() throws -> HistoryWorld {
        let binary = try trustpathBinary()
        let temp = try TemporaryDirectory()
        let db = temp.file("history.sqlite")
        let before = try seedHistory(temp: temp, db: db, binary: binary)
        let big = temp.file("big")
        try SnapshotWriter.write(SnapshotWriter.roles(bigRoles, prefix: "big"), to: big)
        return HistoryWorld(binary: binary, temp: temp, db: db, before: before, big: big)
    }

    /// Two small snapshots saved normally; returns them with their reports.
    static func seedHistory(temp: TemporaryDirectory, db: String, binary: URL) throws -> [SavedSnapshot] {
        for (index, month) in ["2026-10", "2026-11"].enumerated() {
            let directory = temp.file("acme-\(month)")
            try SnapshotWriter.write(SnapshotWriter.roles(3 + index, prefix: "small"), to: directory)
            let child = try ChildProcess(binary, ["snapshot", "save", directory, "--taken-at", "\(month)-01", "--db", db])
            #expect(child.wait() == 0)
        }
        let saved = try HistoryStore(path: db, mode: .existingOnly).snapshots()
        #expect(saved.map(\.label) == ["acme-2026-10", "acme-2026-11"])
        return saved
    }

    static func expectIntact(db: String, before: [SavedSnapshot]) throws {
        let store = try HistoryStore(path: db, mode: .existingOnly)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try store.snapshots() == before)
        for snapshot in before {
            #expect(try store.report(of: snapshot).findings.count == snapshot.findingCount)
        }
        #expect(!FileManager.default.fileExists(atPath: db + "-journal"), "the hot journal was not rolled back")
    }

    /// The `trustpath` executable built next to the test bundle (or named by `TRUSTPATH_BINARY`).
    static func trustpathBinary() throws -> URL {
        if let explicit = ProcessInfo.processInfo.environment["TRUSTPATH_BINARY"] { return URL(fileURLWithPath: explicit) }
        let places = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for place in places {
            let candidate = place.appendingPathComponent("trustpath")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BinaryNotFound(searched: places.map(\.path))
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "the trustpath binary is not next to the tests (searched \(searched.joined(separator: ", "))); "
                + "build it (swift build) or set TRUSTPATH_BINARY"
        }
    }
}

/// A child process with its standard error captured.
final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    private let errorPipe = Pipe()
    private let lock = NSLock()
    private var errorText = ""

    init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorPipe
        errorPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.errorText += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Standard error so far, once it contains `marker` or the time is up.
    func waitForStandardError(containing marker: String, timeout: TimeInterval) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = lock.withLock { errorText }
            if text.contains(marker) || !process.isRunning { return text }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return lock.withLock { errorText }
    }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// The exit status, or the signal number when killed.
    @discardableResult
    func wait() -> Int32 {
        process.waitUntilExit()
        errorPipe.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }

    var standardError: String { lock.withLock { errorText } }
}
