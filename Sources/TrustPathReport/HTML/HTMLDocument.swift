import Foundation
import TrustPathEscaping

/// Markup that is already safe to place into a page: built by the HTML reporters from escaped text, or an SVG
/// that went through ``HTML/embeddableSVG(_:)``.
public struct HTMLFragment: Sendable, Hashable {
    public let markup: String

    /// Wraps markup whose every string from input went through `Escape`.
    public init(escapedMarkup: String) { markup = escapedMarkup }
}

/// The building blocks of TrustPath's HTML pages: one self-contained file, inline style, no script at all (the
/// page's Content-Security-Policy forbids scripts, so a stray one in an embedded diagram cannot run either).
public enum HTML {
    /// Text from input as element content.
    public static func text(_ value: String) -> String { Escape.htmlText(value) }

    /// A table; `headers` are constants, `rows` hold markup; columns in `numeric` align right.
    public static func table(_ headers: [String], numeric: Set<Int> = [], rows: [[String]]) -> String {
        let head = headers.enumerated().map { index, header in
            numeric.contains(index) ? "<th class=\"n\">\(text(header))</th>" : "<th>\(text(header))</th>"
        }.joined()
        var lines = ["<table><thead><tr>\(head)</tr></thead><tbody>"]
        lines.reserveCapacity(rows.count + 2)
        for row in rows {
            lines.append("<tr>" + row.enumerated().map { index, cell in
                numeric.contains(index) ? "<td class=\"n\">\(cell)</td>" : "<td>\(cell)</td>"
            }.joined() + "</tr>")
        }
        lines.append("</tbody></table>")
        return lines.joined(separator: "\n")
    }

    /// A colored severity label; unknown names (from an old history file) get no color.
    public static func severity(_ name: String) -> String {
        let known = ["critical", "high", "medium", "low"].contains(name)
        return "<span class=\"sev\(known ? " " + name : "")\">\(text(name))</span>"
    }

    /// A whole page: doctype, charset, the style sheet, a policy that forbids scripts and fetching, the body.
    public static func page(title: String, body: [String]) -> String {
        let head = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(text(title))</title>", "<style>", HTMLStyle.sheet, "</style>", "</head>", "<body>", "<main>",
        ]
        return (head + body + ["</main>", "</body>", "</html>"]).joined(separator: "\n") + "\n"
    }

    /// Graphviz SVG made fit to inline: the XML prolog, DOCTYPE and comments (which repeat node names from input)
    /// removed. Nil when it is not an SVG or holds anything active (a script, an event handler, a foreign
    /// object, a `javascript:` link): the page shows a note instead of it.
    public static func embeddableSVG(_ svg: String) -> HTMLFragment? {
        guard let start = svg.range(of: "<svg") else { return nil }
        var body = String(svg[start.lowerBound...])
        while let open = body.range(of: "<!--") {
            guard let close = body.range(of: "-->", range: open.upperBound..<body.endIndex) else { return nil }
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        let lowered = body.lowercased()
        let active = ["<script", "<foreignobject", "javascript:", "<!doctype", "<?xml", "<iframe", "<object", "<embed"]
        guard !active.contains(where: lowered.contains), !hasEventHandler(lowered),
              lowered.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</svg>") else { return nil }
        return HTMLFragment(escapedMarkup: body.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// ` onload=`, ` onerror=`, …: an attribute whose name starts with `on`, looked for inside tags only (text
    /// content may say "on" freely). A quoted value that looks like one also counts: refusing is the safe error.
    private static func hasEventHandler(_ lowered: String) -> Bool {
        let bytes = Array(lowered.utf8)
        var inTag = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") { inTag = false }
            if inTag, byte == UInt8(ascii: "o"), index > 0, index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "n"),
               [0x20, 0x0A, 0x09, 0x0D, UInt8(ascii: "/")].contains(bytes[index - 1]) {
                var end = index + 2
                while end < bytes.count, (0x61...0x7A).contains(bytes[end]) || bytes[end] == UInt8(ascii: "-") { end += 1 }
                while end < bytes.count, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[end]) { end += 1 }
                if end > index + 2, end < bytes.count, bytes[end] == UInt8(ascii: "=") { return true }
            }
            index += 1
        }
        return false
    }
}
