import TrustPathEscaping

/// JSON values as the generator builds them, and a writer that indents like the AWS CLI (4 spaces).
/// Written straight into bytes: a 1,000-account organization is hundreds of megabytes of text.
indirect enum JSONText: Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    static func strings(_ values: [String]) -> JSONText { .array(values.map { .string($0) }) }

    /// One string or a list, as the policy grammar and the AWS CLI both allow.
    static func oneOrMany(_ values: [String]) -> JSONText { values.count == 1 ? .string(values[0]) : strings(values) }
}

struct JSONTextWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: JSONText, level: Int = 0) {
        switch value {
        case .string(let text): quote(text)
        case .number(let number): bytes.append(contentsOf: String(number).utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .array(let elements):
            guard !elements.isEmpty else { bytes.append(contentsOf: "[]".utf8); return }
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(element, level: level + 1)
            }
            newline(level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { bytes.append(contentsOf: "{}".utf8); return }
            bytes.append(UInt8(ascii: "{"))
            for (offset, member) in members.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(level + 1)
                quote(member.0)
                bytes.append(contentsOf: ": ".utf8)
                write(member.1, level: level + 1)
            }
            newline(level)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ level: Int) {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 4 * level))
    }

    private mutating func quote(_ text: String) { Escape.appendJSONString(text, to: &bytes) }
}
