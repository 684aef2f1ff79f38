import Foundation
import TrustPathAnalysis
import TrustPathEngine
import TrustPathEvidence
import TrustPathModel

/// `--format pairs`: JSON Lines, one line per reachable (entry, role) pair, for machines. Streamed: written by
/// hand (`PairLine`) in slices on every core, a bounded batch of slices at a time, each slice handed to the sink
/// once written; its cost is what it writes.
public enum PairsReporter {
    /// Lines per slice: one piece handed to the sink (about 120 KB at a typical 470 bytes a line).
    static let sliceSize = 256

    /// Slices encoded at once: enough to keep every core busy, few enough that memory stays bounded whatever
    /// the number of pairs.
    static var slicesPerBatch: Int { 4 * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The report's pairs as one text (`write` into memory).
    public static func render(_ report: Report) throws -> String {
        var sink = MemorySink()
        try write(report, to: &sink)
        return sink.text
    }

    /// Writes the report's pairs to `sink`, with what the trail shows of each.
    public static func write(_ report: Report, to sink: inout some ByteSink) throws {
        try write(report.findings, observed: report.pairObservations, to: &sink)
    }

    /// Writes one line per finding to `sink`, each with `change` (a diff's `new` or `resolved`) when given and
    /// what the trail shows of it. Never more than one batch of slices is held.
    public static func write(_ findings: [Finding], change: String? = nil, observed: [String: Observation] = [:],
                             to sink: inout some ByteSink) throws {
        try write(findings, change: change, observed: observed, to: &sink, sliceSize: sliceSize)
    }

    static func write(_ findings: [Finding], change: String?, observed: [String: Observation],
                      to sink: inout some ByteSink, sliceSize: Int) throws {
        let size = max(1, sliceSize)
        var start = 0
        while start < findings.count {
            let first = start, end = min(findings.count, start + size * slicesPerBatch)
            let slices = orderedConcurrentMap((end - first + size - 1) / size, threshold: 4) { slice in
                let from = first + slice * size
                return lines(findings[from..<min(end, from + size)], change: change, observed: observed)
            }
            for slice in slices { try slice.withUnsafeBytes { try sink.write($0) } }
            start = end
        }
    }

    /// The lines of a slice.
    private static func lines(_ findings: ArraySlice<Finding>, change: String?, observed: [String: Observation]) -> [UInt8] {
        var line = PairLine(capacity: findings.count * 512)
        for finding in findings { line.append(finding, change: change, observed: observed[finding.id]) }
        return line.bytes
    }
}
