/// Finds the records of a `{"Records": [...]}` file, and in each its `eventSource` and `eventName`, without building
/// the rest: most records are other services' calls, and building every value of gigabytes of logs costs more than
/// inflating them. Only the `AssumeRole*` records are then parsed whole.
///
/// It checks the structure as it goes (brackets, strings, separators, literals); on any surprise it gives up and
/// the caller parses the file whole, which names the problem exactly. Nesting is limited as the parser's is.
struct RecordScanner {
    struct Record {
        /// The record's bytes, and the contents of its `eventSource` and `eventName` strings when they are strings
        /// without escapes.
        var range: Range<Int>
        var isObject = false
        var eventSource: Range<Int>?
        var eventName: Range<Int>?
        /// A member the scan cannot judge by its raw bytes (an escaped key or value, a non-string source or name).
        var needsParse = false
    }

    private struct GiveUp: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    private static let depthLimit = 256

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The records, or nil when the file is not plainly `{…, "Records": [...], …}` in valid JSON structure.
    static func records(in bytes: [UInt8]) -> [Record]? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = RecordScanner(buffer)
            return try? scanner.document()
        }
    }

    private mutating func document() throws(GiveUp) -> [Record] {
        // A UTF-8 byte-order mark, as the parser allows.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        var found: [Record]?
        try members { scanner, key, _ throws(GiveUp) in
            if key.escaped { throw GiveUp() }
            if scanner.equals(key.range, "Records") {
                if found != nil { throw GiveUp() }
                found = try scanner.recordArray()
            } else {
                try scanner.skipValue()
            }
        }
        skipWhitespace()
        guard position == bytes.count, let found else { throw GiveUp() }
        return found
    }

    private mutating func recordArray() throws(GiveUp) -> [Record] {
        guard peek() == UInt8(ascii: "[") else { throw GiveUp() }
        var records: [Record] = []
        try elements { scanner throws(GiveUp) in
            let start = scanner.position
            var record = Record(range: start..<start)
            if scanner.peek() == UInt8(ascii: "{") {
                record.isObject = true
                try scanner.members { scanner, key, _ throws(GiveUp) in
                    let wanted = scanner.equals(key.range, "eventSource") ? 1 : scanner.equals(key.range, "eventName") ? 2 : 0
                    if key.escaped { record.needsParse = true }
                    guard wanted != 0 else { return try scanner.skipValue() }
                    if scanner.peek() == UInt8(ascii: "\"") {
                        let value = try scanner.string()
                        if value.escaped { record.needsParse = true }
                        if wanted == 1 { record.eventSource = value.range } else { record.eventName = value.range }
                    } else {
                        record.needsParse = true
                        try scanner.skipValue()
                    }
                }
            } else {
                try scanner.skipValue()
            }
            record.range = start..<scanner.position
            records.append(record)
        }
        return records
    }

    func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != expected[offset] { return false }
        return true
    }

    // MARK: Structure

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(GiveUp) {
        skipWhitespace()
        guard peek() == byte else { throw GiveUp() }
        position += 1
    }

    private mutating func enter() throws(GiveUp) {
        depth += 1
        if depth > Self.depthLimit { throw GiveUp() }
    }

    /// `{ "key": value, … }`, calling `body` with the scanner at each value.
    private mutating func members(_ body: (inout RecordScanner, (range: Range<Int>, escaped: Bool), Int) throws(GiveUp) -> Void)
        throws(GiveUp) {
        try expect(UInt8(ascii: "{"))
        try enter()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { position += 1; depth -= 1; return }
        var index = 0
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw GiveUp() }
            let key = try string()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try body(&self, key, index)
            index += 1
            skipWhitespace()
            guard let next = peek() else { throw GiveUp() }
            position += 1
            if next == UInt8(ascii: "}") { break }
            guard next == UInt8(ascii: ",") else { throw GiveUp() }
        }
        depth -= 1
    }

    /// `[ value, … ]`, calling `body` with the scanner at each element.
    private mutating func elements(_ body: (inout RecordScanner) throws(GiveUp) -> Void) throws(GiveUp) {
        try expect(UInt8(ascii: "["))
        try enter()
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { position += 1; depth -= 1; return }
        while true {
            skipWhitespace()
            try body(&self)
            skipWhitespace()
            guard let next = peek() else { throw GiveUp() }
            position += 1
            if next == UInt8(ascii: "]") { break }
            guard next == UInt8(ascii: ",") else { throw GiveUp() }
        }
        depth -= 1
    }

    /// A string at `position`: the range of its contents, and whether it holds escapes.
    private mutating func string() throws(GiveUp) -> (range: Range<Int>, escaped: Bool) {
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start..<(position - 1), escaped)
            }
            if byte < 0x20 { throw GiveUp() }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
            } else {
                position += 1
            }
        }
        throw GiveUp()
    }

    private mutating func skipValue() throws(GiveUp) {
        skipWhitespace()
        guard let byte = peek() else { throw GiveUp() }
        switch byte {
        case UInt8(ascii: "{"): try members { scanner, _, _ throws(GiveUp) in try scanner.skipValue() }
        case UInt8(ascii: "["): try elements { scanner throws(GiveUp) in try scanner.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                     UInt8(ascii: "e"), UInt8(ascii: "E"): position += 1
                default:
                    guard position > start else { throw GiveUp() }
                    return
                }
            }
        default: throw GiveUp()
        }
    }

    private mutating func literal(_ word: StaticString) throws(GiveUp) {
        let range = position..<(position + word.utf8CodeUnitCount)
        guard range.upperBound <= bytes.count, equals(range, word) else { throw GiveUp() }
        position = range.upperBound
    }
}
