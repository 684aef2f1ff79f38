/// Why a byte sequence is not a JSON document we accept, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case unexpectedEnd
        case unexpectedByte(UInt8)
        case invalidUTF8
        case invalidEscape
        case invalidNumber
        case tooDeep(limit: Int)
        case trailingContent
        case empty
    }

    public let reason: Reason
    /// 1-based line and column of the byte where reading stopped.
    public let line: Int
    public let column: Int
    /// The innermost member or element being read when it failed.
    public let path: JSONPath

    public init(reason: Reason, line: Int, column: Int, path: JSONPath) {
        self.reason = reason
        self.line = line
        self.column = column
        self.path = path
    }

    public var description: String {
        let what: String
        switch reason {
        case .unexpectedEnd: what = "the file ends in the middle of a value (truncated?)"
        case .unexpectedByte(let byte):
            let shown = (0x20..<0x7f).contains(byte) ? "'\(Character(UnicodeScalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
            what = "unexpected \(shown)"
        case .invalidUTF8: what = "text is not valid UTF-8"
        case .invalidEscape: what = "invalid escape sequence in a string"
        case .invalidNumber: what = "malformed number"
        case .tooDeep(let limit): what = "nesting deeper than \(limit) levels"
        case .trailingContent: what = "extra content after the JSON value"
        case .empty: what = "the file is empty"
        }
        return "\(what) at line \(line), column \(column) (in \(path.abbreviated))"
    }
}
