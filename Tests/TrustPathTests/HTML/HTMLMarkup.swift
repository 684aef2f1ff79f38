/// Reads back the structure of a page the HTML reporters wrote: the tags, and the text between them.
enum HTMLMarkup {
    /// Every start or end tag, `<` to `>` (the reporters escape `<` and `>` in text, so this split is exact).
    static func tags(_ html: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            tags.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }

    /// The element names used, lowercased, end tags counted under their element (`div`, `!doctype`).
    static func names(_ html: String) -> Set<String> {
        Set(tags(html).map { tag in
            var name = tag.dropFirst()
            if name.first == "/" { name = name.dropFirst() }
            return String(name.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }).lowercased()
        })
    }

    /// The attribute names of a tag, or nil when the tag is not `<name attr="value" …>` with every value in
    /// double quotes: a quote from input that broke out of a value shows up as one or the other.
    static func attributes(_ tag: Substring) -> [String]? {
        var rest = tag.dropFirst().drop { $0 == "/" }.drop { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        var names: [String] = []
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest == ">" || rest == "/>" { return names }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" || $0 == "_" }
            guard !name.isEmpty else { return nil }
            rest = rest.dropFirst(name.count)
            guard rest.hasPrefix("=\"") else {
                // `<!DOCTYPE html>`: a bare word.
                names.append(String(name))
                continue
            }
            rest = rest.dropFirst(2)
            guard let close = rest.firstIndex(of: "\"") else { return nil }
            rest = rest[rest.index(after: close)...]
            names.append(String(name).lowercased())
        }
    }

    /// What the reporters emit on their own; an element outside this list came from input.
    static let allowedElements: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "nav", "a", "div",
        "b", "br", "span", "code", "table", "thead", "tbody", "tr", "th", "td", "section", "ol", "ul", "li", "details",
        "summary", "footer",
        // the trend chart and Graphviz diagrams
        "svg", "g", "text", "line", "polyline", "polygon", "rect", "circle", "path", "ellipse", "defs",
        "lineargradient", "stop", "tspan",
    ]

    /// Scalars that must never reach a page: controls other than tab and newline, bidirectional overrides and
    /// isolates, line and paragraph separators.
    static func forbiddenScalars(_ html: String) -> [UInt32] {
        html.unicodeScalars.map(\.value).filter { value in
            (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value) || value == 0x061C
                || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
        }
    }
}
