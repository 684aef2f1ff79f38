import Foundation
import TrustPathAnalysis
import TrustPathEngine
import TrustPathEvidence

/// `--format pairs`: JSON Lines, one line per reachable (entry, role) pair, for machines. Written in slices on
/// every core; its cost is what it writes.
public enum PairsReporter {
    /// One line of the stream.
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

    public static func render(_ report: Report) throws -> String {
        try lines(report.findings.map { ($0, nil) }, observed: report.pairObservations)
    }

    /// The lines of `pairs`, each with its change (`new`, `resolved`) when given, and what the trail shows of it.
    public static func lines(_ pairs: [(Finding, String?)], observed: [String: Observation] = [:]) throws -> String {
        let slices = ParallelSlices.map(pairs, sliceSize: 1024) { slice -> [UInt8] in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var bytes: [UInt8] = []
            for (finding, change) in slice {
                let line = Line(entry: .init(id: finding.entry.id, kind: finding.entry.kind.rawValue, name: finding.entry.name),
                                target: finding.target, severity: finding.severity.rawValue, state: finding.state.rawValue,
                                path: finding.path, door: finding.door.map { .init(role: $0.role, statement: $0.statement) },
                                change: change, lastUsed: finding.lastUsed, observed: observed[finding.id])
                if let data = try? encoder.encode(line) { bytes += data }
                bytes.append(UInt8(ascii: "\n"))
            }
            return bytes
        }
        return JSONOutput.escapingInvisibleControls(String(decoding: slices.joined(), as: UTF8.self))
    }
}
