extension Escape {
    /// Text from the input made safe to print on a terminal or into a plain text file: control characters (ANSI
    /// escape sequences among them), C1 controls, line and paragraph separators, bidirectional overrides and
    /// isolates, and zero-width marks are shown as `\u{…}` instead of reaching the reader.
    public static func terminal(_ text: String) -> String {
        guard needsTerminalEscaping(text) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isInvisibleOrControl(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Controls and the characters that change how the text around them reads without showing themselves.
    static func isInvisibleOrControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// A byte scan first: nearly all text is printable ASCII, and a report prints it by the megabyte. In UTF-8 the
    /// C1 controls start with 0xC2, the marks and separators above with 0xE2 and U+FEFF with 0xEF.
    private static func needsTerminalEscaping(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF {
            if byte < 0x20 || byte == 0x7F { return true }
            return text.unicodeScalars.contains(where: isInvisibleOrControl)
        }
        return false
    }
}
