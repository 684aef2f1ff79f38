extension Escape {
    /// Text from the input for Markdown prose and table cells (GitHub's flavour, which also reads HTML): pipes,
    /// angle brackets, ampersands and Markdown's marks are escaped, and invisible characters shown as on a terminal.
    public static func markdown(_ text: String) -> String {
        var result = ""
        for character in terminal(text) {
            switch character {
            case "|": result += "\\|"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "*", "_", "[", "]", "\\", "`": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// Text for inside a Markdown code span: backticks cannot be escaped there, so they become quotes; a pipe is
    /// written `\|`, which a table reads as part of the cell (code spans sit in table cells throughout the reports).
    public static func markdownCode(_ text: String) -> String {
        var result = ""
        for scalar in terminal(text).unicodeScalars {
            switch scalar {
            case "`": result += "'"
            case "|": result += "\\|"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Mermaid label text: anything but plain letters, digits and a few safe marks becomes an entity code
    /// (`#34;`), so quotes, brackets, pipes, backticks and HTML cannot end the label, the edge or the code fence.
    public static func mermaidLabel(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:/_@()+=-")
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80, safe.contains(Character(scalar)) {
                result.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += " "
            } else {
                result += "#\(scalar.value);"
            }
        }
        return result
    }
}
