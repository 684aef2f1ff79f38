/// Where a fact came from: the input file (relative to the snapshot directory) and the JSON path inside it.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    public var jsonPath: String

    public init(file: String, jsonPath: String = "$") {
        self.file = file
        self.jsonPath = jsonPath
    }

    public var description: String { "\(file) at \(jsonPath)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.jsonPath) < (rhs.file, rhs.jsonPath)
    }
}

/// A line and column (both from 1) in an input file, for tools that point at text (SARIF, editors).
public struct SourceRegion: Sendable, Hashable, Codable {
    public var startLine: Int
    public var startColumn: Int

    public init(startLine: Int, startColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
    }

    /// The line and column of a byte offset, counting UTF-8 bytes as columns (what SARIF's default encoding allows).
    public init(byteOffset: Int, in bytes: [UInt8]) {
        var line = 1
        var lineStart = 0
        for position in 0..<min(byteOffset, bytes.count) where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        self.init(startLine: line, startColumn: byteOffset - lineStart + 1)
    }

    /// The regions of many offsets in one pass over the bytes, in the order of `offsets`.
    public static func regions(of offsets: [Int], in bytes: [UInt8]) -> [SourceRegion] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var result = [SourceRegion](repeating: SourceRegion(startLine: 1, startColumn: 1), count: offsets.count)
        var line = 1
        var lineStart = 0
        var position = 0
        bytes.withUnsafeBufferPointer { buffer in
            for slot in order {
                let target = min(offsets[slot], buffer.count)
                if position < target {
                    let newlines = Self.newlines(in: buffer, from: position, to: target)
                    line += newlines.count
                    if let last = newlines.last { lineStart = last + 1 }
                    position = target
                }
                result[slot] = SourceRegion(startLine: line, startColumn: offsets[slot] - lineStart + 1)
            }
        }
        return result
    }

    /// How many newlines `bytes[from..<to]` holds and where the last one is, eight bytes at a time: the doors'
    /// statements lie throughout exports of a megabyte each, hundreds of them per run.
    static func newlines(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (count: Int, last: Int?) {
        var count = 0
        var last: Int?
        var position = from
        if let base = bytes.baseAddress {
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while position + 8 <= to {
                // Byte `i` of memory is bits 8i..<8i+8 on any platform; the mask has the high bit of exactly the bytes
                // that are newlines (no carry crosses a byte: each sum is at most 0xFE).
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                    ^ 0x0A0A_0A0A_0A0A_0A0A
                let newlines = ~(((word & low7) &+ low7) | word | low7)
                if newlines != 0 {
                    count += newlines.nonzeroBitCount
                    last = position + (63 - newlines.leadingZeroBitCount) / 8
                }
                position += 8
            }
        }
        while position < to {
            if bytes[position] == UInt8(ascii: "\n") {
                count += 1
                last = position
            }
            position += 1
        }
        return (count, last)
    }
}
