extension Escape {
    /// One POSIX shell word that stands for exactly `text`: the text in single quotes, each `'` written as `'\''`.
    /// Inside single quotes nothing is special — not `$`, backticks, `\`, `"` nor a newline — so a value from the
    /// input can never run as a command. A shell string cannot hold NUL, so NUL characters are dropped; callers
    /// that must not change a value (a role name) refuse such input first (see `Escape.shellRepresentable`).
    public static func shellWord(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars where scalar != "\0" {
            if scalar == "'" {
                result += "'\\''"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "'"
    }

    /// True when `shellWord` keeps `text` exactly (it holds no NUL).
    public static func shellRepresentable(_ text: String) -> Bool {
        !text.unicodeScalars.contains("\0")
    }

    /// Text for one `#` comment line of a shell script: control characters (newline and carriage return among
    /// them, which would end the comment and start a command) are written as `\u{…}`.
    public static func shellComment(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
