import Foundation
import Testing
import TrustPathAnalysis
import TrustPathCompare
import TrustPathEscaping
import TrustPathEvidence
@testable import TrustPathReport

/// `--format pairs` is streamed a slice of lines at a time: the same bytes as the whole text it replaced, in
/// pieces of bounded size.
@Suite("Reports: streamed pairs")
struct PairsStreamTests {
    /// A line as `JSONEncoder` encodes it: the reporter's encoding before it wrote lines by hand.
    struct Line: Encodable {
        struct EntryPart: Encodable {
            var id: String
            var kind: String
            var name: String?
        }
        struct DoorPart: Encodable {
            var role: String
            var statement: Int
        }
        var entry: EntryPart
        var target: String
        var severity: String
        var state: String
        var path: [String]
        var door: DoorPart?
        var change: String?
        var lastUsed: LastUsed?
        var observed: Observation?
    }

    /// The pairs as the reporter wrote them before it streamed: every line encoded by `JSONEncoder`, joined, then
    /// the whole text escaped once by the project's rule. The reference the streamed bytes must equal.
    static func wholeText(_ findings: [Finding], change: String? = nil, observed: [String: Observation] = [:]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for finding in findings {
            let line = Line(
                entry: .init(id: finding.entry.id, kind: finding.entry.kind.rawValue, name: finding.entry.name),
                target: finding.target, severity: finding.severity.rawValue, state: finding.state.rawValue,
                path: finding.path, door: finding.door.map { .init(role: $0.role, statement: $0.statement) },
                change: change, lastUsed: finding.lastUsed, observed: observed[finding.id])
            if let data = try? encoder.encode(line) { bytes += data }
            bytes.append(UInt8(ascii: "\n"))
        }
        return Escape.jsonEscapingBeyondGrammar(String(decoding: bytes, as: UTF8.self))
    }

    /// Keeps every piece apart, to see how the stream was cut.
    struct PieceSink: ByteSink {
        var pieces: [[UInt8]] = []
        mutating func write(_ bytes: UnsafeRawBufferPointer) throws { pieces.append(Array(bytes)) }
        var text: String { String(decoding: pieces.joined(), as: UTF8.self) }
    }

    /// Fails on the write numbered `failAt`, as a full disk would.
    struct FailingSink: ByteSink {
        var failAt: Int
        var writes = 0
        mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            writes += 1
            if writes == failAt { throw WriteFailure(code: ENOSPC) }
        }
    }

    @Test(arguments: [Demo.october, Demo.november])
    func demoPairsMatchTheGoldenFile(snapshot: String) throws {
        let report = try Demo.report(snapshot)
        #expect(report.findings.count > 10)
        Golden.assertMatches(try OutputFormat.pairs.render(report), named: "\(snapshot).jsonl")
        var sink = PieceSink()
        try OutputFormat.pairs.write(report, to: &sink)
        #expect(sink.text == Self.wholeText(report.findings, observed: report.pairObservations))
        Golden.assertMatches(sink.text, named: "\(snapshot).jsonl")
    }

    /// A diff shows single findings, each with the line of its entry statement: the region of its door, in the
    /// snapshot it belongs to (new findings in the later one, resolved ones in the earlier).
    @Test func diffFindingsSayWhereTheirEntryStatementIs() throws {
        let before = try Demo.report(Demo.october)
        let after = try Demo.report(Demo.november)
        let diff = SnapshotDiff(before: before, after: after)
        #expect(!diff.new.isEmpty && !diff.resolved.isEmpty && !diff.unchanged.isEmpty)
        for (findings, report) in [(diff.new, after), (diff.resolved, before), (diff.unchanged, after)] {
            for finding in findings {
                let door = try #require(report.doors.first { $0.role == finding.door?.role && $0.statement == finding.door?.statement })
                #expect(finding.entryRegion != nil)
                #expect(finding.entryRegion == door.region, "\(finding.id)")
            }
        }
    }

    @Test func diffPairsMatchTheGoldenFile() throws {
        let diff = SnapshotDiff(before: try Demo.report(Demo.october), after: try Demo.report(Demo.november))
        #expect(!diff.new.isEmpty && !diff.resolved.isEmpty, "the demo diff has both kinds of change")
        var sink = PieceSink()
        try DiffFormat.pairs.write(diff, to: &sink)
        #expect(sink.text == Self.wholeText(diff.new, change: "new") + Self.wholeText(diff.resolved, change: "resolved"))
        Golden.assertMatches(sink.text, named: "diff-acme-2026-10-to-2026-11.jsonl")
        #expect(try DiffFormat.pairs.render(diff) == sink.text)
    }

    /// The demo's pairs many times over (each copy its own target), hostile text in every field a line writes,
    /// trail observations, last use, optional fields absent, a change, over many slices and batches: byte for byte the whole text, handed over
    /// in pieces of at most one slice, each ending a line.
    @Test(arguments: [1, 7, PairsReporter.sliceSize])
    func streamedPiecesEqualTheWholeText(sliceSize: Int) throws {
        let demo = try Demo.report(Demo.november)
        let controls = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        let hostile = "q\"b\\s/ \(controls) del\u{7F} c1\u{80}\u{9F} ls\u{2028}ps\u{2029} \u{202E}rtl\u{200B} é中😀 \u{FEFF}"
        var findings: [Finding] = []
        var observed: [String: Observation] = [:]
        // Small slices cross several batches; the real size crosses slices (a batch of it is thousands of pairs).
        let needed = sliceSize == PairsReporter.sliceSize ? sliceSize + 1 : 2 * sliceSize * PairsReporter.slicesPerBatch + 1
        let copies = needed / demo.findings.count + 1
        for copy in 0..<copies {
            for var finding in demo.findings {
                finding.id += "-\(copy)"
                finding.target += "-\(copy)"
                if findings.count % 5 == 0 {
                    finding.entry.name = hostile
                    finding.target += hostile
                    finding.path.append(hostile)
                    finding.lastUsed = LastUsed(date: "2026-11-02", region: hostile)
                    observed[finding.id] = Observation(count: 3, firstSeen: hostile, lastSeen: "2026-11-30T08:15:02Z")
                }
                if findings.count % 7 == 1 {
                    finding.hops = []
                    finding.entry.name = nil
                    finding.lastUsed = LastUsed(date: "2026-01-01", region: nil)
                }
                findings.append(finding)
            }
        }
        let change = sliceSize == 7 ? "new" : nil
        #expect(findings.count >= needed)
        var sink = PieceSink()
        try PairsReporter.write(findings, change: change, observed: observed, to: &sink, sliceSize: sliceSize)
        let whole = Self.wholeText(findings, change: change, observed: observed)
        #expect(whole.contains("\\u2028") && whole.contains("\\u202e") && whole.contains("\\u0080") && whole.contains("\"observed\""))
        #expect(sink.text == whole)
        #expect(sink.pieces.count == (findings.count + sliceSize - 1) / sliceSize)
        #expect(sink.pieces.allSatisfy { $0.count(where: { $0 == UInt8(ascii: "\n") }) <= sliceSize })
        #expect(sink.pieces.allSatisfy { $0.last == UInt8(ascii: "\n") }, "every piece ends a line")
    }

    /// A failed write stops the stream there: nothing is written after it and the failure reaches the caller.
    @Test func aFailedWriteStopsTheStream() throws {
        let report = try Demo.report(Demo.october)
        var sink = FailingSink(failAt: 2)
        #expect(throws: WriteFailure(code: ENOSPC)) {
            try PairsReporter.write(report.findings, change: nil, observed: [:], to: &sink, sliceSize: 1)
        }
        #expect(sink.writes == 2)
    }

    @Test func noPairsWriteNothing() throws {
        var report = try Demo.report(Demo.october)
        report.findings = []
        var sink = PieceSink()
        try PairsReporter.write(report, to: &sink)
        #expect(sink.pieces.isEmpty)
        #expect(try PairsReporter.render(report).isEmpty)
    }
}
