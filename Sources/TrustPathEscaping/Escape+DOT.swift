extension Escape {
    /// A Graphviz DOT double-quoted string, quotes included, for an ID or a plain label. Invisible characters are
    /// shown as on a terminal (`Escape.terminal`: controls, newlines among them, bidi marks, zero-width marks), so
    /// the picture shows what is really there and no raw newline or quote ends the string; `"` is escaped and `\`
    /// doubled, so nothing in a name acts as a DOT escape (`\n`, `\N`, `\G`, `\l`).
    public static func dotString(_ text: String) -> String {
        "\"" + dotQuotedContent(text) + "\""
    }

    /// Several lines for one plain label, each escaped as in `dotString`, joined with DOT's centred line break.
    public static func dotStringLines(_ lines: [String]) -> String {
        "\"" + lines.map(dotQuotedContent).joined(separator: "\\n") + "\""
    }

    /// Text inside a DOT HTML-like label (`<…>`): invisible characters shown as on a terminal, then the five XML
    /// specials as entities (and, as for SVG text, what XML forbids, U+FFFE/U+FFFF included). Graphviz writes label text into SVG as it is, so this is also what keeps an SVG valid:
    /// nothing XML forbids (control characters) survives. Graphviz refuses an empty element (`<B></B>` is a syntax
    /// error), so empty text becomes one space.
    public static func dotHTMLLabel(_ text: String) -> String {
        guard !text.isEmpty else { return " " }
        return xmlText(terminal(text))
    }

    /// By scalar, not by character: a quote followed by a combining mark is one `Character` but still ends a string.
    private static func dotQuotedContent(_ text: String) -> String {
        var result = ""
        for scalar in terminal(text).unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
