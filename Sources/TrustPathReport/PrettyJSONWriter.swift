import TrustPathEscaping

/// Writes JSON text exactly as `JSONOutput` encodes it (Foundation's pretty printing: two-space indent, `" : "`,
/// empty containers as `[` blank line `]`, slashes unescaped, strings under `Escape.appendJSONString`), for
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

    /// A string literal under the project's one JSON rule (`Escape.appendJSONString`, the encoder's bytes).
    mutating func string(_ text: String) { Escape.appendJSONString(text, to: &bytes) }

    // Members, by value type.

    mutating func member(_ name: String, _ value: String) { key(name); string(value) }
    mutating func member(_ name: String, _ value: Int) { key(name); int(value) }
    mutating func member(_ name: String, _ value: Bool) { key(name); bool(value) }

    mutating func member(_ name: String, _ value: String?) {
        if let value { member(name, value) }
    }

    mutating func member(_ name: String, _ value: Int?) {
        if let value { member(name, value) }
    }

    /// Counts by name, in sorted order as `.sortedKeys` writes a dictionary.
    mutating func member(_ name: String, _ counts: [String: Int]) {
        key(name)
        openObject()
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) { member(key, count) }
        closeObject()
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
