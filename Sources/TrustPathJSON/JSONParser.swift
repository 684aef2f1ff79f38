/// A strict RFC 8259 reader over bytes: rejects invalid UTF-8, limits nesting depth,
/// and reports line, column and JSON path when it fails.
public enum JSONParser {
    /// Deeper documents are refused rather than risking the stack.
    public static let defaultDepthLimit = 256

    /// Parses a whole document. A UTF-8 byte-order mark is skipped.
    ///
    /// With `onlyDefaultPolicyVersions`, the `Document` of an element of a `PolicyVersionList` array is kept only
    /// when that element is a default version (`"IsDefaultVersion": true`, or its `VersionId` equals the string
    /// `DefaultVersionId` of the object holding the list); the others are checked as strictly but not built.
    /// Old versions are most of an authorization-details export and the analysis reads only the default one.
    public static func parse(_ bytes: [UInt8], depthLimit: Int = defaultDepthLimit,
                             onlyDefaultPolicyVersions: Bool = false) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, depthLimit: depthLimit)
            reader.onlyDefaultPolicyVersions = onlyDefaultPolicyVersions
            do throws(RawFailure) { return .success(try reader.document()) } catch {
                return .failure(reader.describe(error))
            }
        }
        return try result.get()
    }

    /// Parses UTF-8 text.
    public static func parse(_ text: String, depthLimit: Int = defaultDepthLimit) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), depthLimit: depthLimit)
    }
}

/// A failure before its path is known: the reason and the byte offset.
struct RawFailure: Error {
    var reason: JSONParseError.Reason
    var offset: Int
    /// Filled in innermost-first while the failure unwinds through containers.
    var reversedPath: [JSONPath.Component] = []
}

struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    let depthLimit: Int
    var position = 0
    var depth = 0
    var onlyDefaultPolicyVersions = false
    /// Version elements whose documents wait for the enclosing object's `DefaultVersionId`.
    var pendingVersions: [PendingVersion] = []

    init(bytes: UnsafeBufferPointer<UInt8>, depthLimit: Int) {
        self.bytes = bytes
        self.depthLimit = depthLimit
    }

    mutating func document() throws(RawFailure) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        guard position < bytes.count else { throw RawFailure(reason: .empty, offset: position) }
        let value = try self.value()
        skipWhitespace()
        guard position == bytes.count else { throw RawFailure(reason: .trailingContent, offset: position) }
        return value
    }

    func describe(_ failure: RawFailure) -> JSONParseError {
        var line = 1
        var lineStart = 0
        let end = min(failure.offset, bytes.count)
        var index = 0
        while index < end {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            index += 1
        }
        return JSONParseError(reason: failure.reason, line: line, column: end - lineStart + 1,
                              path: JSONPath(failure.reversedPath.reversed()))
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20: position = ByteScanning.pastSpaces(bytes, from: position + 1)
            case 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func fail(_ reason: JSONParseError.Reason) -> RawFailure {
        RawFailure(reason: position >= bytes.count ? .unexpectedEnd : reason, offset: position)
    }

    mutating func value() throws(RawFailure) -> JSONValue {
        guard position < bytes.count else { throw fail(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail(.unexpectedByte(bytes[position]))
        }
    }

    mutating func literal(_ word: String) throws(RawFailure) {
        for expected in word.utf8 {
            guard position < bytes.count else { throw fail(.unexpectedEnd) }
            guard bytes[position] == expected else { throw fail(.unexpectedByte(bytes[position])) }
            position += 1
        }
    }

    mutating func enter() throws(RawFailure) {
        depth += 1
        if depth > depthLimit { throw fail(.tooDeep(limit: depthLimit)) }
    }

    mutating func array(versionList: Bool = false) throws(RawFailure) -> JSONValue {
        try enter()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1; depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            do throws(RawFailure) {
                let pending = pendingVersions.count
                if versionList, position < bytes.count, bytes[position] == UInt8(ascii: "{") {
                    elements.append(try object(versionElement: true))
                } else {
                    elements.append(try value())
                }
                if pendingVersions.count > pending { pendingVersions[pendingVersions.count - 1].element = elements.count - 1 }
            } catch {
                var failure = error
                failure.reversedPath.append(.index(elements.count))
                throw failure
            }
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd).at(.index(elements.count - 1)) }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; depth -= 1; return .array(elements)
            default: throw fail(.unexpectedByte(bytes[position])).at(.index(elements.count - 1))
            }
        }
    }

    mutating func object(versionElement: Bool = false) throws(RawFailure) -> JSONValue {
        try enter()
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        var deferred: [(member: Int, range: Range<Int>)] = []
        var versionLists: [(member: Int, pending: [PendingVersion])] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1; depth -= 1
            return .object(JSONObject(members))
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd) }
            guard bytes[position] == UInt8(ascii: "\"") else { throw fail(.unexpectedByte(bytes[position])) }
            let key = try string()
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd).at(.key(key)) }
            guard bytes[position] == UInt8(ascii: ":") else { throw fail(.unexpectedByte(bytes[position])).at(.key(key)) }
            position += 1
            skipWhitespace()
            do throws(RawFailure) {
                if versionElement, onlyDefaultPolicyVersions, key == "Document" {
                    let start = position
                    try skipValue()
                    deferred.append((members.count, start..<position))
                    members.append((key, .null))
                } else if onlyDefaultPolicyVersions, key == "PolicyVersionList", position < bytes.count,
                          bytes[position] == UInt8(ascii: "[") {
                    let mark = pendingVersions.count
                    let list = try array(versionList: true)
                    if pendingVersions.count > mark {
                        versionLists.append((members.count, Array(pendingVersions[mark...])))
                        pendingVersions.removeSubrange(mark...)
                    }
                    members.append((key, list))
                } else {
                    members.append((key, try value()))
                }
            } catch {
                var failure = error
                failure.reversedPath.append(.key(key))
                throw failure
            }
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd).at(.key(key)) }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                if !deferred.isEmpty { try settleVersion(&members, deferred: deferred) }
                if !versionLists.isEmpty { try settleVersionLists(&members, versionLists) }
                depth -= 1
                return .object(JSONObject(members))
            default: throw fail(.unexpectedByte(bytes[position])).at(.key(key))
            }
        }
    }

    mutating func number() throws(RawFailure) -> String {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw fail(.unexpectedEnd) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            guard try digits() > 0 else { throw fail(.invalidNumber) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard try digits() > 0 else { throw fail(.invalidNumber) }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard try digits() > 0 else { throw fail(.invalidNumber) }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    mutating func digits() throws(RawFailure) -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        return position - start
    }

    mutating func string() throws(RawFailure) -> String {
        position += 1
        let start = position
        var bits: UInt8 = 0
        // Fast path: no escapes, so the bytes are the string.
        while position < bytes.count {
            position = ByteScanning.pastPlainText(bytes, from: position)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                // ASCII needs no validation: decoding repairs nothing there, and skips the generic validating
                // initializer, which looks its metadata up at run time for every string of a large export.
                if bits < 0x80 {
                    position += 1
                    return String(decoding: slice, as: UTF8.self)
                }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw RawFailure(reason: .invalidUTF8, offset: start)
                }
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail(.unexpectedByte(byte)) }
            bits |= byte
            position += 1
        }
        return try escapedString(from: start)
    }

    mutating func escapedString(from start: Int) throws(RawFailure) -> String {
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: scratch, as: UTF8.self) else {
                    throw RawFailure(reason: .invalidUTF8, offset: start)
                }
                return text
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { throw fail(.unexpectedEnd) }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"): scratch.append(contentsOf: try unicodeEscape())
                default: position -= 1; throw fail(.invalidEscape)
                }
            default:
                if byte < 0x20 { throw fail(.unexpectedByte(byte)) }
                scratch.append(byte)
                position += 1
            }
        }
        throw fail(.unexpectedEnd)
    }

    mutating func hex4() throws(RawFailure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw fail(.unexpectedEnd) }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail(.invalidEscape)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Decodes `\uXXXX`, pairing surrogates; a lone surrogate becomes U+FFFD as most readers do.
    mutating func unicodeEscape() throws(RawFailure) -> [UInt8] {
        var scalarValue = try hex4()
        if (0xD800...0xDBFF).contains(scalarValue), position + 1 < bytes.count,
           bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
            let saved = position
            position += 2
            let low = try hex4()
            if (0xDC00...0xDFFF).contains(low) {
                scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
            } else {
                position = saved
            }
        }
        let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
        return Array(String(Character(scalar)).utf8)
    }
}

extension RawFailure {
    func at(_ component: JSONPath.Component) -> RawFailure {
        var copy = self
        copy.reversedPath.append(component)
        return copy
    }
}
