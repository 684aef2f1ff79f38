extension Escape {
    /// Appends `text` as a JSON string literal, quotes included, to UTF-8 `bytes`: the one rule for every JSON this
    /// project writes (reports, patched policies, synthetic exports). `"` and `\` are escaped; backspace, tab,
    /// newline, form feed and carriage return take their short forms; every other C0 control, and the characters
    /// in `jsonEscapesBeyondGrammar`, become `\uXXXX` with lowercase hex. This is byte for byte what Foundation's
    /// `JSONEncoder` (`.withoutEscapingSlashes`) writes followed by `jsonEscapingBeyondGrammar`.
    public static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var position = 0
            while position < utf8.count {
                // Most text needs no escape: copy the run up to the next byte that might, in one step.
                var runEnd = position
                while runEnd < utf8.count, isPlainJSONByte(utf8[runEnd]) { runEnd += 1 }
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
                case 0..<0x20, 0x7F: appendUnicodeEscape(UInt32(byte), to: &bytes)
                // C1 controls: U+0080–U+009F are C2 80–C2 9F in UTF-8.
                case 0xC2 where position + 1 < utf8.count && (0x80...0x9F).contains(utf8[position + 1]):
                    appendUnicodeEscape(UInt32(utf8[position + 1]), to: &bytes)
                    position += 1
                // The marks and separators of U+2000–U+2FFF (E2 xx xx) and U+FEFF (EF BB BF): three-byte scalars.
                case 0xE2, 0xEF:
                    if position + 2 < utf8.count, let scalar = threeByteScalar(utf8[position], utf8[position + 1], utf8[position + 2]),
                       jsonEscapesBeyondGrammar(scalar) {
                        appendUnicodeEscape(scalar.value, to: &bytes)
                        position += 2
                    } else {
                        bytes.append(byte)
                    }
                default: bytes.append(byte)
                }
                position += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal, quotes included (see `appendJSONString`).
    public static func jsonString(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendJSONString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Characters JSON allows raw in a string that our JSON still writes as `\u`: what a terminal would not show
    /// (`isInvisibleOrControl` above ASCII's controls): DEL and the C1 controls, which some terminals obey when a
    /// report is printed; U+2028/U+2029, line breaks to JavaScript; bidi overrides and isolates and zero-width
    /// marks, which reorder or hide text on screen. Escaped, they reach a JSON reader unchanged and a reader's eye
    /// as themselves.
    public static func jsonEscapesBeyondGrammar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x7F && isInvisibleOrControl(scalar)
    }

    /// JSON text from an encoder that escapes only what the grammar requires (Foundation's `JSONEncoder`), with the
    /// characters of `jsonEscapesBeyondGrammar` escaped too. They can only occur inside strings, where `\uXXXX`
    /// means the same, so the document stays equal and becomes inert on a terminal.
    public static func jsonEscapingBeyondGrammar(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }),
              json.unicodeScalars.contains(where: jsonEscapesBeyondGrammar) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if jsonEscapesBeyondGrammar(scalar) {
                var escape: [UInt8] = []
                appendUnicodeEscape(scalar.value, to: &escape)
                result.append(contentsOf: String(decoding: escape, as: UTF8.self).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Bytes copied as they are: not a quote, backslash, control, DEL, nor a lead byte of the multi-byte
    /// characters `jsonEscapesBeyondGrammar` holds (C2 for C1 controls, E2 for U+2000–U+2FFF, EF for U+FEFF).
    private static func isPlainJSONByte(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0x7F && byte != 0xC2
            && byte != 0xE2 && byte != 0xEF
    }

    /// The scalar of a well-formed three-byte UTF-8 sequence (the text is valid UTF-8: a `String`).
    private static func threeByteScalar(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Unicode.Scalar? {
        Unicode.Scalar((UInt32(first & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F))
    }

    private static func appendUnicodeEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(0x5C); bytes.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
    }
}
