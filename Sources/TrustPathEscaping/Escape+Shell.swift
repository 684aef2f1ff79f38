extension Escape {
    /// One shell word that stands for exactly `text`, for the bash scripts the fix writer produces. Visible text goes
    /// in single quotes (each `'` written as `'\''`): nothing is special there — not `$`, backticks, `\` nor `"` —
    /// so a value from the input can never run as a command. Characters a terminal would act on or not show
    /// (`isInvisibleOrControl`: newlines, escape sequences, bidi and zero-width marks) go in an adjacent
    /// `$'\xHH…'` part of the same word, byte by byte, so reading the script with `cat` shows them and bash still
    /// passes the exact bytes. A shell string cannot hold NUL, so NUL characters are dropped; callers that must not
    /// change a value (a role name) refuse such input first (see `Escape.shellRepresentable`).
    public static func shellWord(_ text: String) -> String {
        var result = ""
        var quoted: String?   // the open '…' part
        var bytes: String?    // the open $'…' part
        func closeQuoted() { if let part = quoted { result += "'" + part + "'"; quoted = nil } }
        func closeBytes() { if let part = bytes { result += "$'" + part + "'"; bytes = nil } }
        for scalar in text.unicodeScalars where scalar != "\0" {
            if isInvisibleOrControl(scalar) {
                closeQuoted()
                var part = bytes ?? ""
                for byte in String(scalar).utf8 {
                    part += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                }
                bytes = part
            } else {
                closeBytes()
                var part = quoted ?? ""
                if scalar == "'" { part += "'\\''" } else { part.unicodeScalars.append(scalar) }
                quoted = part
            }
        }
        closeQuoted()
        closeBytes()
        return result.isEmpty ? "''" : result
    }

    /// True when `shellWord` keeps `text` exactly (it holds no NUL).
    public static func shellRepresentable(_ text: String) -> Bool {
        !text.unicodeScalars.contains("\0")
    }

    /// Text for one `#` comment line of a shell script: control characters (newline and carriage return among
    /// them, which would end the comment and start a command) and the other characters a terminal would act on or
    /// not show are written as `\u{…}`, as on a terminal.
    public static func shellComment(_ text: String) -> String {
        terminal(text)
    }
}
