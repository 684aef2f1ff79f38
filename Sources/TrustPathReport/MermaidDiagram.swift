import TrustPathAnalysis
import TrustPathEscaping
import TrustPathModel

/// A Mermaid `flowchart LR` of findings' chains, for Markdown that GitHub renders: one node per entry or role,
/// one edge per hop (labelled with what it lacks), entries outlined in red.
enum MermaidDiagram {
    /// The fenced diagram of at most `limit` findings' primary chains, and how many were left out.
    static func render(_ findings: [Finding], names: DisplayNames, limit: Int) -> (text: [String], leftOut: Int) {
        let drawn = Array(findings.prefix(limit))
        var nodeIDs: [String: String] = [:]
        var nodeLines: [String] = []
        var edgeLines: [String] = []
        var seenEdges: Set<String> = []
        var entryNodes: [String] = []
        func node(_ key: String, label: String) -> String {
            if let id = nodeIDs[key] { return id }
            let id = "n\(nodeIDs.count)"
            nodeIDs[key] = id
            nodeLines.append("  \(id)[\"\(Escape.mermaidLabel(label))\"]")
            return id
        }
        for finding in drawn {
            var previous = node("entry:" + finding.entry.id, label: names.entry(finding.entry))
            if !entryNodes.contains(previous) { entryNodes.append(previous) }
            for hop in finding.hops {
                let current = node(hop.to, label: names.role(hop.to))
                let label = Self.label(hop)
                let edge = label.isEmpty ? "  \(previous) --> \(current)"
                    : "  \(previous) -->|\"\(Escape.mermaidLabel(label))\"| \(current)"
                if seenEdges.insert(edge).inserted { edgeLines.append(edge) }
                previous = current
            }
        }
        var lines = ["```mermaid", "flowchart LR"] + nodeLines + edgeLines
        if !entryNodes.isEmpty {
            lines.append("  classDef entry stroke:#c00,stroke-width:2px")
            lines.append("  class \(entryNodes.joined(separator: ",")) entry")
        }
        lines.append("```")
        return (lines, findings.count - drawn.count)
    }

    /// What a hop lacks, and which guards it holds only in a form that protects nothing, each by its key.
    static func label(_ hop: Hop) -> String {
        let weak = hop.weakKeys ?? []
        let missing = hop.guardsMissing.filter { !weak.contains($0) }
        return ((missing.isEmpty ? [] : ["lacks " + missing.joined(separator: ", ")])
            + (weak.isEmpty ? [] : ["weak " + weak.joined(separator: ", ")])).joined(separator: "; ")
    }
}
