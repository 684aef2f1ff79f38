/// Diagram text helpers. Escaping for DOT lives in the escaping layer (`Escape.dotString`, `Escape.dotStringLines`,
/// `Escape.dotHTMLLabel`); this keeps only layout.
enum DOTText {
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
}
