import TrustPathAnalysis
import TrustPathEngine
import TrustPathEscaping

/// The legend of the door diagrams: one small table node (entry kinds, role colors, what the arrows and marks mean),
/// kept in the left column with the entries so it never widens the heading. Colors come from `DiagramStyle`, the same
/// place the drawing takes them from.
enum DiagramLegendNode {
    static let id = "legend"

    static func lines() -> [String] {
        let entries = Actor.EntryKind.allCases.filter { $0 != .externalAccount }.map {
            swatch(DiagramStyle.entryKindName($0), DiagramStyle.paint($0, vendor: false))
        } + [swatch("outside account", DiagramStyle.paint(.externalAccount, vendor: false)),
             swatch("known vendor", DiagramStyle.paint(.externalAccount, vendor: true))]
        let roles = Severity.allCases.map { swatch($0.rawValue, DiagramStyle.paint($0)) }
            + [swatch("passed through", DiagramStyle.paint(nil))]
        let arrows = [text("solid: open", color: DiagramStyle.edgeColor(.open)),
                      text("dashed: conditional", color: DiagramStyle.edgeColor(.conditional)),
                      text("label: what the statement lacks", color: "#566573")]
        let marks = [text("door: a trust statement outside entries pass", color: "#1c2833"),
                     text("thick: CHOKE POINT", color: "#1c2833")]
        let rows = [row("entries", entries), row("roles", roles), row("arrows", arrows), row("marks", marks)]
        let table = "<<TABLE BORDER=\"1\" COLOR=\"#aab7b8\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\" BGCOLOR=\"#fbfcfc\">"
            + "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT POINT-SIZE=\"8\"><B>Legend</B></FONT></TD></TR>"
            + rows.joined() + "</TABLE>>"
        return ["  \(Escape.dotString(id)) [shape=plain, style=\"\", label=\(table), tooltip=\"legend\"];"]
    }

    private static func row(_ heading: String, _ cells: [String]) -> String {
        "<TR><TD ALIGN=\"LEFT\" VALIGN=\"MIDDLE\"><FONT POINT-SIZE=\"7\" COLOR=\"#566573\">\(Escape.dotHTMLLabel(heading))</FONT></TD>"
            + "<TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>"
            + cells.joined() + "</TR></TABLE></TD></TR>"
    }

    private static func swatch(_ text: String, _ paint: DiagramStyle.Paint) -> String {
        "<TD BGCOLOR=\"\(paint.fill)\" COLOR=\"\(paint.border)\" BORDER=\"1\">"
            + "<FONT POINT-SIZE=\"7\" COLOR=\"\(paint.text)\">\(Escape.dotHTMLLabel(text))</FONT></TD>"
    }

    private static func text(_ text: String, color: String) -> String {
        "<TD><FONT POINT-SIZE=\"7\" COLOR=\"\(color)\">\(Escape.dotHTMLLabel(text))</FONT></TD>"
    }
}
