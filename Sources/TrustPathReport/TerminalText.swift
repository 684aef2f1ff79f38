/// Makes text from input safe to print: control characters (ANSI escape sequences among them) are shown
/// as `\u{…}` instead of reaching the terminal.
public func terminalSafe(_ text: String) -> String {
    guard needsEscaping(text) else { return text }
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
        if isUnsafe(scalar) {
            result += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

private func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
}

/// A byte scan first: nearly all text is printable, and a report prints it by the megabyte. In UTF-8 the
/// C1 controls start with 0xC2 and U+2028/U+2029 with 0xE2; only text holding those bytes is looked at closer.
private func needsEscaping(_ text: String) -> Bool {
    for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
        if byte < 0x20 || byte == 0x7F { return true }
        return text.unicodeScalars.contains(where: isUnsafe)
    }
    return false
}
