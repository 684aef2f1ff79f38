/// Writes JSON text exactly as `JSONOutput` encodes it (Foundation's pretty printing: two-space indent, `" : "`,
/// empty containers as `[` blank line `]`, slashes unescaped, DEL, C1 controls and U+2028/U+2029 as `\u`), for
/// the report's long lists where the generic encoder was most of the run at scale. Members are written in the
/// order given: callers give them sorted, as `.sortedKeys` would. Tests compare it with the encoder.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth: Int
    /// Per open container: whether nothing has been written into it yet.
    private var empty: [Bool] = []

    /// Starts at `depth` levels of indentation, for text spliced into a document at that depth.
    init(depth: Int = 0, capacity: Int = 0) {
        self.depth = depth
        bytes.reserveCapacity(capacity)
    }

    /// Before each element of an array: the separator and indentation.
    mutating func element() {
        if let last = empty.indices.last {
            if empty[last] { empty[last] = false } else { bytes.append(UInt8(ascii: ",")) }
        }
        bytes.append(0x0A)
        indent()
    }

    /// One element of a list whose brackets are written elsewhere: after a `,` and newline unless it is the first,
    /// indented to this writer's depth.
    mutating func detachedElement<Value: PrettyJSONWritable>(_ value: Value, first: Bool) {
        if !first { bytes.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
        indent()
        value.write(to: &self)
    }

    mutating func key(_ key: String) {
        element()
        string(key)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if empty.removeLast() { bytes.append(0x0A) }
        bytes.append(0x0A)
        indent()
        bytes.append(bracket)
    }

    private mutating func indent() {
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var position = 0
            while position < utf8.count {
                // Most text needs no escape: copy the run up to the next byte that might, in one step.
                var runEnd = position
                while runEnd < utf8.count, Self.isPlain(utf8[runEnd]) { runEnd += 1 }
                if runEnd > position {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[position..<runEnd]))
                    position = runEnd
                    continue
                }
                let byte = utf8[position]
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    bytes.append(0x5C); bytes.append(byte)
                case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
                case 0..<0x20, 0x7F: unicodeEscape(UInt32(byte))
                // C1 controls: U+0080–U+009F are C2 80–C2 9F in UTF-8.
                case 0xC2 where position + 1 < utf8.count && (0x80...0x9F).contains(utf8[position + 1]):
                    unicodeEscape(UInt32(utf8[position + 1]))
                    position += 1
                // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
                case 0xE2 where position + 2 < utf8.count && utf8[position + 1] == 0x80
                    && (0xA8...0xA9).contains(utf8[position + 2]):
                    unicodeEscape(0x2000 + UInt32(utf8[position + 2] - 0x80))
                    position += 2
                default: bytes.append(byte)
                }
                position += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Bytes copied as they are: not a quote, backslash, control, DEL, nor the lead byte of a C1 control or of
    /// U+2028/U+2029.
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0x7F && byte != 0xC2 && byte != 0xE2
    }

    private mutating func unicodeEscape(_ value: UInt32) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
    }

    // Members, by value type.

    mutating func member(_ name: String, _ value: String) { key(name); string(value) }
    mutating func member(_ name: String, _ value: Int) { key(name); int(value) }
    mutating func member(_ name: String, _ value: Bool) { key(name); bool(value) }

    mutating func member(_ name: String, _ value: String?) {
        if let value { member(name, value) }
    }

    mutating func member(_ name: String, _ values: [String]) {
        key(name)
        strings(values)
    }

    mutating func member(_ name: String, _ lists: [[String]]) {
        key(name)
        openArray()
        for list in lists { element(); strings(list) }
        closeArray()
    }

    private mutating func strings(_ values: [String]) {
        openArray()
        for value in values { element(); string(value) }
        closeArray()
    }

    mutating func member<Value: PrettyJSONWritable>(_ name: String, _ value: Value?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    mutating func member<Value: PrettyJSONWritable>(_ name: String, _ values: [Value]) {
        key(name)
        openArray()
        for value in values { element(); value.write(to: &self) }
        closeArray()
    }
}

/// A value `PrettyJSONWriter` can write: the same text as its `Encodable` conformance under `JSONOutput`.
protocol PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter)
}
