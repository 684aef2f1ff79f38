/// Text from a report made safe for a diagram.
///
/// Names come from other people's IAM exports: a role name may hold quotes, backslashes, newlines, `<>&` or a
/// terminal escape. Every string passes `visible` first (so the picture shows what is really there), then the
/// escaping of the place it goes: a DOT quoted string or an HTML-like label. SVG escaping is Graphviz's job and
/// works because nothing invalid in XML (control characters) survives `visible`.
enum DOTText {
    /// Control characters and invisible formatting characters (bidi overrides, zero-width marks) written as
    /// `\u{1b}`, the way `terminalSafe` shows them.
    static func visible(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A DOT double-quoted string. `\` is doubled so that nothing in a name acts as a DOT escape (`\n`, `\N`, `\G`).
    static func quoted(_ text: String) -> String {
        "\"" + escapeQuoted(visible(text)) + "\""
    }

    /// Lines for a plain label, each escaped, joined with DOT's centred line break.
    static func quotedLines(_ lines: [String]) -> String {
        "\"" + lines.map { escapeQuoted(visible($0)) }.joined(separator: "\\n") + "\""
    }

    /// Text inside an HTML-like label: the five XML specials as entities.
    static func html(_ text: String) -> String {
        var result = ""
        for character in visible(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Splits text into lines of about `width` characters at spaces, for labels that would run wide.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private static func escapeQuoted(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default: result.append(character)
            }
        }
        return result
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F: true                       // C0, DEL, C1 (newline and ESC included)
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069: true // zero-width marks, bidi embeddings and overrides
        case 0x2028, 0x2029, 0xFEFF: true                          // line and paragraph separators, BOM
        default: false
        }
    }
}
