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
        for slot in order {
            let target = min(offsets[slot], bytes.count)
            while position < target {
                if bytes[position] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
            result[slot] = SourceRegion(startLine: line, startColumn: offsets[slot] - lineStart + 1)
        }
        return result
    }
}
