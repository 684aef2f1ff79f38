import Foundation
import TrustPathAnalysis
import TrustPathEngine
import TrustPathEscaping

/// Writes a `Diagram` as DOT text. Pure and deterministic: the same diagram gives the same bytes, so the `.dot`
/// files diff well and are golden-tested; Graphviz only ever reads this text.
enum DOTWriter {
    static func write(_ diagram: Diagram) -> String {
        var lines = ["digraph \(Escape.dotString(diagram.name)) {"]
        lines.append("  graph [rankdir=LR, newrank=true, nodesep=0.3, ranksep=0.9, pad=0.3, bgcolor=\"white\",")
        lines.append("         fontname=\(Escape.dotString(DiagramStyle.font)), fontsize=10, labelloc=t, labeljust=l,")
        lines.append("         label=\(heading(diagram.title, legend: diagram.legend))];")
        lines.append("  node [fontname=\(Escape.dotString(DiagramStyle.font)), fontsize=10, shape=box, style=\"rounded,filled\", margin=\"0.14,0.06\"];")
        lines.append("  edge [fontname=\(Escape.dotString(DiagramStyle.font)), fontsize=8, arrowsize=0.7];")
        for node in diagram.nodes {
            lines.append("  " + statement(node))
        }
        for cluster in diagram.clusters {
            lines += subgraph(cluster)
        }
        let entries = (diagram.nodes + diagram.clusters.flatMap(\.nodes)).filter { node in
            if case .entry = node.kind { return true }
            return false
        }
        if entries.count > 1 {
            // Every way in starts at the left edge, even when its first hop lands deep in the graph.
            lines.append("  { rank=min; " + entries.map { Escape.dotString($0.id) + ";" }.joined(separator: " ") + " }")
        }
        if diagram.legend == .doors {
            lines += DiagramLegendNode.lines()
        }
        for edge in diagram.edges {
            lines.append("  " + statement(edge))
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Pieces

    private static func subgraph(_ cluster: DiagramCluster) -> [String] {
        let (paint, style) = DiagramStyle.cluster(cluster.kind)
        var lines = ["  subgraph \(Escape.dotString("cluster_\(cluster.kind.rawValue)_\(cluster.account)")) {"]
        lines.append("    graph [style=\(Escape.dotString(style)), fillcolor=\"\(paint.fill)\", color=\"\(paint.border)\", penwidth=1.2, margin=12,")
        lines.append("           label=\(htmlLines(cluster.label, detailColor: paint.border, alignLeft: true))];")
        for node in cluster.nodes {
            lines.append("    " + statement(node))
        }
        lines.append("  }")
        return lines
    }

    private static func statement(_ node: DiagramNode) -> String {
        var attributes: [(String, String)] = []
        let paint: DiagramStyle.Paint
        switch node.kind {
        case .entry(let kind, let vendor):
            paint = DiagramStyle.paint(kind, vendor: vendor)
            attributes.append(("shape", DiagramStyle.shape(kind)))
            attributes.append(("style", "\"filled\""))
        case .role:
            paint = DiagramStyle.paint(node.severity)
        case .account(let kind):
            if kind == .member {
                paint = DiagramStyle.paint(node.severity)
                attributes.append(("shape", "box3d"))
                attributes.append(("style", "\"filled\""))
            } else {
                paint = DiagramStyle.paint(.externalAccount, vendor: kind == .vendor)
                attributes.append(("shape", DiagramStyle.shape(.externalAccount)))
                attributes.append(("style", "\"filled,dashed\""))
            }
        case .more:
            paint = DiagramStyle.paint(node.severity)
            attributes.append(("shape", "note"))
            attributes.append(("style", "\"filled,dashed\""))
        }
        attributes.append(("fillcolor", "\"\(paint.fill)\""))
        attributes.append(("color", "\"\(paint.border)\""))
        attributes.append(("fontcolor", "\"\(paint.text)\""))
        if node.chokePoint {
            attributes.append(("penwidth", "4"))
        } else if node.emphasized || node.severity == .critical {
            attributes.append(("penwidth", node.emphasized ? "2.6" : "2"))
        }
        let detailColor = node.kind == .entry(.public, vendor: false) ? paint.text : severityTextColor(node)
        attributes.append(("label", htmlLines([node.title] + node.details, detailColor: detailColor)))
        attributes.append(("tooltip", Escape.dotString(node.tooltip)))
        return Escape.dotString(node.id) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    private static func statement(_ edge: DiagramEdge) -> String {
        var attributes: [(String, String)] = []
        if let change = edge.change {
            let color = DiagramStyle.edgeColor(change)
            attributes.append(("style", change == .removed ? "dashed" : DiagramStyle.edgeStyle(edge.state)))
            attributes.append(("color", "\"\(color)\""))
            attributes.append(("fontcolor", "\"\(color)\""))
            attributes.append(("penwidth", change == .kept ? "1.2" : "2.2"))
        } else if edge.primary {
            let color = DiagramStyle.edgeColor(edge.state)
            let width = (edge.state == .open ? 1.6 : 1.3) + min(log2(Double(max(edge.count, 1))), 4)
            attributes.append(("style", DiagramStyle.edgeStyle(edge.state)))
            attributes.append(("color", "\"\(color)\""))
            attributes.append(("fontcolor", "\"\(color)\""))
            attributes.append(("penwidth", edge.chokePoint ? "4.0" : String(format: "%.1f", width)))
        } else {
            attributes.append(("style", "dotted"))
            attributes.append(("color", "\"#aab7b8\""))
            attributes.append(("penwidth", "1.0"))
        }
        let label = edge.label + (edge.chokePoint ? ["CHOKE POINT"] : [])
        if !label.isEmpty {
            attributes.append(("label", Escape.dotStringLines(label)))
        }
        attributes.append(("tooltip", Escape.dotString(edge.tooltip)))
        return Escape.dotString(edge.from) + " -> " + Escape.dotString(edge.to)
            + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    private static func severityTextColor(_ node: DiagramNode) -> String {
        node.severity.map { DiagramStyle.paint($0).text } ?? "#566573"
    }

    /// The first line bold, the rest smaller and colored: an HTML-like label, every line escaped.
    private static func htmlLines(_ lines: [String], detailColor: String, alignLeft: Bool = false) -> String {
        guard let first = lines.first else { return "<>" }
        // A <BR ALIGN="LEFT"/> left-aligns the line before it; plain <BR/> keeps lines centred.
        let lineBreak = alignLeft ? "<BR ALIGN=\"LEFT\"/>" : "<BR/>"
        var html = "<B>\(Escape.dotHTMLLabel(first))</B>"
        for line in lines.dropFirst() {
            html += lineBreak + "<FONT POINT-SIZE=\"8\" COLOR=\"\(detailColor)\">\(Escape.dotHTMLLabel(line))</FONT>"
        }
        return "<" + html + (alignLeft ? lineBreak : "") + ">"
    }

    // MARK: - Heading and legend

    /// The graph label: title, subtitle lines (and a diff's legend), as one left-aligned HTML table above the drawing.
    /// One row per line of DOT text, so a changed count shows as a one-line diff.
    private static func heading(_ title: [String], legend: DiagramLegend) -> String {
        // Wrapped to about the legend's width: a wider title would stretch the legend's cells apart.
        var rows: [String] = []
        if let first = title.first {
            for line in DOTText.wrap(first, width: 64) {
                rows.append("<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT POINT-SIZE=\"16\"><B>\(Escape.dotHTMLLabel(line))</B></FONT></TD></TR>")
            }
        }
        for line in title.dropFirst().flatMap({ DOTText.wrap($0, width: 104) }) {
            rows.append("<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\"><FONT COLOR=\"#424949\">\(Escape.dotHTMLLabel(line))</FONT></TD></TR>")
        }
        if legend == .diff { rows += diffLegendRows() }
        let indent = "\n           "
        return "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
            + rows.map { indent + $0 }.joined() + indent + "</TABLE>>"
    }

    /// The diff diagram's legend: what the arrow colors mean; roles keep their severity colors.
    private static func diffLegendRows() -> [String] {
        let roles = Severity.allCases.map { swatch($0.rawValue, DiagramStyle.paint($0)) }
            + [swatch("resolved or passed through", DiagramStyle.paint(nil))]
        let arrows = [legendText("red: new, only the newer snapshot has it", color: DiagramStyle.edgeColor(.added)),
                      legendText("green dashed: resolved, only the older had it", color: DiagramStyle.edgeColor(.removed)),
                      legendText("grey: in both", color: DiagramStyle.edgeColor(.kept))]
        return [legendRow("role severity (newer)", roles), legendRow("arrows", arrows)]
    }

    private static func swatch(_ text: String, _ paint: DiagramStyle.Paint, dashed: Bool = false) -> String {
        let style = dashed ? " STYLE=\"dashed\"" : ""
        return "<TD BGCOLOR=\"\(paint.fill)\" COLOR=\"\(paint.border)\" BORDER=\"1\"\(style)>"
            + "<FONT POINT-SIZE=\"9\" COLOR=\"\(paint.text)\">\(Escape.dotHTMLLabel(text))</FONT></TD>"
    }

    private static func legendText(_ text: String, color: String) -> String {
        "<TD><FONT POINT-SIZE=\"9\" COLOR=\"\(color)\">\(Escape.dotHTMLLabel(text))</FONT></TD>"
    }

    private static func legendRow(_ heading: String, _ cells: [String]) -> String {
        "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"#566573\">\(Escape.dotHTMLLabel(heading))</FONT></TD>"
            + "<TD><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"3\"><TR>"
            + cells.joined() + "</TR></TABLE></TD></TR>"
    }

}
