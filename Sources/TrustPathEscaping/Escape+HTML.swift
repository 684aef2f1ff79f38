extension Escape {
    /// Text from input for the content of an HTML element (never inside `<script>` or `<style>`).
    ///
    /// Markup characters become character references. Characters that would change what a reader sees without
    /// showing themselves become a visible `\u{…}`: controls (NUL among them; XML forbids them even as
    /// references, and an SVG with one does not parse), bidirectional overrides and isolates (which can reorder
    /// an ARN on screen), zero-width marks, line and paragraph separators, and the noncharacters U+FFFE/U+FFFF.
    public static func htmlText(_ text: String) -> String { markup(text) }

    /// Text from input for a double- or single-quoted HTML attribute value: as `htmlText`, quotes included.
    /// Never for attributes that take a URL, a script or a style: nothing from input goes there.
    public static func htmlAttribute(_ text: String) -> String { markup(text) }

    /// Text from input for SVG (XML) text content and quoted attribute values.
    public static func xmlText(_ text: String) -> String { markup(text) }

    /// One implementation for the three contexts: escaping quotes in text content costs nothing and keeps a value
    /// safe if it is ever moved into an attribute.
    private static func markup(_ text: String) -> String {
        guard text.utf8.contains(where: needsLook) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if isInvisible(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A byte scan first: most text needs nothing. Lead bytes 0xC2 (C1 controls), 0xD8 (U+061C), 0xE2 (the
    /// U+2000 block) and 0xEF (U+FFFx) mark the only multi-byte scalars that may need escaping.
    private static func needsLook(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00..<0x20, 0x7F, 0x26, 0x3C, 0x3E, 0x22, 0x27, 0xC2, 0xD8, 0xE2, 0xEF: true
        default: false
        }
    }

    /// What a terminal would not show (`isInvisibleOrControl`, zero-width marks among them), apart from tab and
    /// newline, plus the Arabic letter mark and the noncharacters XML forbids.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x061C, 0xFFFE, 0xFFFF: true
        default: isInvisibleOrControl(scalar)
        }
    }
}
