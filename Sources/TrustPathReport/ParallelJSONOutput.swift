import Foundation
import Synchronization

extension JSONOutput {
    /// The report exactly as `encode(_:)` writes any value, but with its two long lists (findings and ranked
    /// fixes) written by `PrettyJSONWriter` in slices on every core and spliced in: a 1,000-account report is
    /// hundreds of megabytes, which the generic encoder took seconds over.
    public static func encode(_ report: Report) throws -> String {
        try encode(report, sliceSize: 256)
    }

    /// The same with `sliceSize` elements to each slice.
    public static func encode(_ report: Report, sliceSize: Int) throws -> String {
        var skeleton = report
        skeleton.findings = []
        skeleton.fixes = []
        let text = try encodeWhole(skeleton)
        var lists: [(range: Range<String.Index>, key: String, items: [[UInt8]])] = []
        let written = [("findings", slices(report.findings, size: sliceSize)), ("fixes", slices(report.fixes, size: sliceSize))]
        for (key, items) in written where !items.isEmpty {
            guard let range = text.range(of: "\n  \"\(key)\" : [\n\n  ]") else { return try encodeWhole(report) }
            lists.append((range, key, items))
        }
        // Spliced in the order the keys appear, straight into the result: joining strings of this size copied
        // them over and over.
        var pieces: [[UInt8]] = []
        var rest = text.startIndex
        for list in lists.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            pieces.append(Array(text[rest..<list.range.lowerBound].utf8))
            pieces.append(Array("\n  \"\(list.key)\" : [\n".utf8))
            for (position, item) in list.items.enumerated() {
                if position > 0 { pieces.append(Array(",\n".utf8)) }
                pieces.append(item)
            }
            pieces.append(Array("\n  ]".utf8))
            rest = list.range.upperBound
        }
        pieces.append(Array(text[rest...].utf8))
        let total = pieces.reduce(0) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var offset = 0
            for piece in pieces {
                _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + piece.count)]).initialize(from: piece)
                offset += piece.count
            }
            return offset
        }
    }

    /// The elements of a top-level list as they appear at depth 2, in slices written in parallel.
    private static func slices<T: PrettyJSONWritable & Sendable>(_ values: [T], size requested: Int) -> [[UInt8]] {
        guard !values.isEmpty else { return [] }
        let size = max(1, requested)
        let count = (values.count + size - 1) / size
        @Sendable func writeSlice(_ slice: Int) -> [UInt8] {
            var writer = PrettyJSONWriter(depth: 2)
            let range = (slice * size)..<min(values.count, (slice + 1) * size)
            for position in range { writer.detachedElement(values[position], first: position == range.lowerBound) }
            return writer.bytes
        }
        // Threads only pay off for long lists; short ones are written here, slice after slice.
        guard count >= 8 else { return (0..<count).map(writeSlice) }
        let results = Mutex([[UInt8]](repeating: [], count: count))
        DispatchQueue.concurrentPerform(iterations: count) { slice in
            let text = writeSlice(slice)
            results.withLock { $0[slice] = text }
        }
        return results.withLock { $0 }
    }
}
