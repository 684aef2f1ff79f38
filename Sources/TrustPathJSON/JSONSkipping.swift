extension Reader {
    /// Reads past one value, checking it exactly as `value()` does, without building it: what the locator
    /// does with the megabytes of a file that are not the value it looks for.
    mutating func skipValue() throws(RawFailure) {
        guard position < bytes.count else { throw fail(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: "{"): try skipContainer(closing: UInt8(ascii: "}"), keyed: true)
        case UInt8(ascii: "["): try skipContainer(closing: UInt8(ascii: "]"), keyed: false)
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw fail(.unexpectedByte(bytes[position]))
        }
    }

    /// Mirrors `array()` and `object()`, failures and their paths included.
    private mutating func skipContainer(closing: UInt8, keyed: Bool) throws(RawFailure) {
        try enter()
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == closing {
            position += 1; depth -= 1
            return
        }
        var count = 0
        while true {
            skipWhitespace()
            // Where this member's key starts: the key is only made into text for a failure's path.
            var keyStart = -1
            if keyed {
                guard position < bytes.count else { throw fail(.unexpectedEnd) }
                guard bytes[position] == UInt8(ascii: "\"") else { throw fail(.unexpectedByte(bytes[position])) }
                keyStart = position
                try skipString()
                skipWhitespace()
                guard position < bytes.count else { throw fail(.unexpectedEnd).at(component(keyStart, count)) }
                guard bytes[position] == UInt8(ascii: ":") else {
                    throw fail(.unexpectedByte(bytes[position])).at(component(keyStart, count))
                }
                position += 1
                skipWhitespace()
            }
            do throws(RawFailure) { try skipValue() } catch {
                var failure = error
                failure.reversedPath.append(component(keyStart, count))
                throw failure
            }
            count += 1
            skipWhitespace()
            guard position < bytes.count else { throw fail(.unexpectedEnd).at(component(keyStart, count - 1)) }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case closing: position += 1; depth -= 1; return
            default: throw fail(.unexpectedByte(bytes[position])).at(component(keyStart, count - 1))
            }
        }
    }

    /// The path component of a member (its key, read again from `keyStart`) or of an element (its index).
    private func component(_ keyStart: Int, _ index: Int) -> JSONPath.Component {
        guard keyStart >= 0 else { return .index(index) }
        var reader = self
        reader.position = keyStart
        return (try? reader.string()).map { .key($0) } ?? .index(index)
    }

    /// A string's bytes are valid UTF-8 exactly when its decoded text is: escapes are ASCII and decode to whole
    /// scalars, so they neither complete nor break a multi-byte sequence.
    private mutating func skipString() throws(RawFailure) {
        position += 1
        let start = position
        var ascii = true
        while position < bytes.count {
            position = ByteScanning.pastPlainText(bytes, from: position)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                if !ascii, String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self) == nil {
                    throw RawFailure(reason: .invalidUTF8, offset: start)
                }
                position += 1
                return
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { throw fail(.unexpectedEnd) }
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                case UInt8(ascii: "u"):
                    position += 1
                    _ = try hex4()
                default:
                    throw fail(.invalidEscape)
                }
            default:
                if byte < 0x20 { throw fail(.unexpectedByte(byte)) }
                if byte >= 0x80 { ascii = false }
                position += 1
            }
        }
        throw fail(.unexpectedEnd)
    }
}
