extension JSONOutput {
    /// The JSON report: the report as `encode(_:)` writes any value, less the pairs (`--format pairs` streams
    /// them), with its long lists, the doors and the ranked fixes, written by `PrettyJSONWriter` in slices on every
    /// core and spliced in: at a thousand accounts the generic encoder took seconds over them.
    public static func encode(_ report: Report) throws -> String {
        try encode(report, sliceSize: 256)
    }

    /// The same with `sliceSize` elements to each slice.
    public static func encode(_ report: Report, sliceSize: Int) throws -> String {
        var skeleton = report
        skeleton.doors = []
        skeleton.fixes = []
        let lists = [SplicedList(key: "doors", depth: 1, items: slices(report.doors, depth: 2, size: sliceSize)),
                     SplicedList(key: "fixes", depth: 1, items: slices(report.fixes, depth: 2, size: sliceSize))]
        return try splice(lists, into: encodeWhole(skeleton, omitPairs: true)) ?? encodeWhole(report, omitPairs: true)
    }

    /// A long list written apart, to take the place of its empty placeholder `"key" : [ ]` at `depth`.
    struct SplicedList {
        var key: String
        var depth: Int
        /// The elements' text, in slices, each already indented one level deeper than the key.
        var items: [[UInt8]]
    }

    /// `text` with each list's empty placeholder filled in, straight into the result in the order the keys
    /// appear (joining strings of this size copied them over and over); nil when a placeholder is missing.
    static func splice(_ lists: [SplicedList], into text: String) -> String? {
        // Searched as bytes: Foundation's `range(of:)` bridged the tens of megabytes of a large report to UTF-16 first.
        let bytes = Array(text.utf8)
        var located: [(range: Range<Int>, list: SplicedList)] = []
        for list in lists where !list.items.isEmpty {
            let indent = String(repeating: "  ", count: list.depth)
            guard let range = firstRange(of: Array("\n\(indent)\"\(list.key)\" : [\n\n\(indent)]".utf8), in: bytes) else { return nil }
            located.append((range, list))
        }
        var pieces: [ArraySlice<UInt8>] = []
        var rest = 0
        for (range, list) in located.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let indent = String(repeating: "  ", count: list.depth)
            pieces.append(bytes[rest..<range.lowerBound])
            pieces.append(ArraySlice("\n\(indent)\"\(list.key)\" : [\n".utf8))
            for (position, item) in list.items.enumerated() {
                if position > 0 { pieces.append(ArraySlice(",\n".utf8)) }
                pieces.append(item[...])
            }
            pieces.append(ArraySlice("\n\(indent)]".utf8))
            rest = range.upperBound
        }
        pieces.append(bytes[rest...])
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

    /// Where `needle` first occurs in `haystack`.
    static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var start = 0
        while let found = haystack[start...].firstIndex(of: first) {
            guard found + needle.count <= haystack.count else { return nil }
            if haystack[found..<(found + needle.count)].elementsEqual(needle) { return found..<(found + needle.count) }
            start = found + 1
        }
        return nil
    }

    /// The elements of a list as they appear at `depth`, in slices written in parallel.
    static func slices<T: PrettyJSONWritable & Sendable>(_ values: [T], depth: Int, size: Int = 256) -> [[UInt8]] {
        ParallelSlices.map(values, sliceSize: size) { slice in
            var writer = PrettyJSONWriter(depth: depth)
            for position in slice.indices { writer.detachedElement(slice[position], first: position == slice.startIndex) }
            return writer.bytes
        }
    }
}
