import Foundation
import Synchronization

extension JSONOutput {
    /// The report exactly as `encode(_:)` writes any value, but with its two long lists (findings and ranked
    /// fixes) encoded in slices on every core and spliced in: a 1,000-account report is hundreds of megabytes.
    /// Pretty printing indents by depth and escapes newlines inside strings, so a slice encoded on its own is the
    /// same text as in the whole, each line shifted by its depth.
    public static func encode(_ report: Report) throws -> String {
        try encode(report, sliceSize: 256)
    }

    /// The same with `sliceSize` elements to each slice.
    public static func encode(_ report: Report, sliceSize: Int) throws -> String {
        var skeleton = report
        skeleton.findings = []
        skeleton.fixes = []
        var text = try encodeWhole(skeleton)
        let lists = [("fixes", try slices(report.fixes, size: sliceSize)),
                     ("findings", try slices(report.findings, size: sliceSize))]
        for (key, items) in lists where !items.isEmpty {
            let empty = "\n  \"\(key)\" : [\n\n  ]"
            guard let range = text.range(of: empty) else { return try encodeWhole(report) }
            text.replaceSubrange(range, with: "\n  \"\(key)\" : [\n" + items.joined(separator: ",\n") + "\n  ]")
        }
        return text
    }

    /// The elements of a top-level list as they appear at depth 2, in slices encoded in parallel.
    private static func slices<T: Encodable & Sendable>(_ values: [T], size requested: Int) throws -> [String] {
        guard !values.isEmpty else { return [] }
        let size = max(1, requested)
        let count = (values.count + size - 1) / size
        @Sendable func encodeSlice(_ slice: Int) -> Result<String, any Error> {
            let part = Array(values[(slice * size)..<min(values.count, (slice + 1) * size)])
            return Result { () throws -> String in
                escapingInvisibleControls(shifted(try encoder().encode(part)))
            }
        }
        // Threads only pay off for long lists; short ones are encoded here, slice after slice.
        guard count >= 8 else { return try (0..<count).map { try encodeSlice($0).get() } }
        let results = Mutex([Result<String, any Error>?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { slice in
            let result = encodeSlice(slice)
            results.withLock { $0[slice] = result }
        }
        return try results.withLock { $0 }.map { result in
            guard let result else {
                throw EncodingError.invalidValue(values, .init(codingPath: [], debugDescription: "slice not encoded"))
            }
            return try result.get()
        }
    }

    /// `[\n  a,\n  b\n]` becomes `    a,\n    b`: the brackets go and every line moves one level in.
    private static func shifted(_ array: Data) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(array.count + array.count / 8)
        array.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let inner = raw[2..<max(2, raw.count - 2)]
            var lineStart = inner.startIndex
            while lineStart < inner.endIndex {
                let lineEnd = inner[lineStart...].firstIndex(of: 0x0A) ?? inner.endIndex
                // Blank lines (inside empty lists) stay blank, as the encoder writes them.
                if lineEnd > lineStart { bytes.append(contentsOf: "  ".utf8) }
                bytes.append(contentsOf: inner[lineStart..<lineEnd])
                if lineEnd < inner.endIndex { bytes.append(0x0A) }
                lineStart = lineEnd + 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

}
