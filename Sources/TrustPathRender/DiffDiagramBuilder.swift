import TrustPathAnalysis
import TrustPathCompare
import TrustPathReport

/// Turns a `SnapshotDiff` into DOT text: every chain of either snapshot in one drawing, arrows colored by
/// whether only the newer snapshot has them (new), only the older (resolved), or both. Does no analysis:
/// everything drawn is in the diff.
public enum DiffDiagramBuilder {
    public static func diagram(_ diff: SnapshotDiff) -> String {
        DOTWriter.write(diffDiagram(diff))
    }

    static func diffDiagram(_ diff: SnapshotDiff) -> Diagram {
        let entries = diff.entries
        let directory = AccountDirectory(names: diff.accountNames, analyzed: [], findings: entries.map(\.finding))
        var graph = DetailedGraph(directory: directory, showStatements: false)
        var entryNodes: [String: String] = [:]
        for entry in entries {
            graph.add(entry.finding)
            if let oldPath = entry.change?.path?.from { graph.addAlternative(oldPath, entry: entry.finding.entry) }
            entryNodes[entry.finding.entry.id] = AccountDirectory.nodeID(entry.finding.entry)
        }
        var changes: [DetailedGraph.EdgeKey: EdgeChange] = [:]
        for edge in diff.edges {
            let from = entryNodes[edge.from] ?? AccountDirectory.nodeID(role: edge.from)
            let key = DetailedGraph.EdgeKey(from: from, to: AccountDirectory.nodeID(role: edge.to))
            changes[key] = switch edge.status {
            case .new: .added
            case .resolved: .removed
            case .unchanged: .kept
            }
        }
        graph.markChanges(changes)
        for (target, lines, severity) in targetDescriptions(entries) {
            graph.describeRole(target, severity: severity, details: lines)
        }
        let title = ["What changed: \(diff.before.source) → \(diff.after.source)",
                     "\(diff.new.count) new, \(diff.resolved.count) resolved, \(diff.unchanged.count) unchanged "
                        + "finding\(diff.unchanged.count == 1 ? "" : "s") (\(diff.changes.count) of them changed)"]
        var diagram = graph.diagram(name: "trustpath-diff", title: title)
        diagram.edges = unstacked(diagram.edges)
        diagram.legend = .diff
        return diagram
    }

    /// Labels that do not pile up where arrows share nodes: at most two short lines per arrow (the whole text is in
    /// its tooltip), and among arrows into the same role with the same text only the first keeps it.
    static func unstacked(_ edges: [DiagramEdge]) -> [DiagramEdge] {
        var seen: Set<[String]> = []
        return edges.map { edge in
            var edge = edge
            guard !edge.label.isEmpty else { return edge }
            let whole = edge.label.joined(separator: " ")
            edge.tooltip += " · " + whole
            var lines = DOTText.wrap(whole, width: HopLabel.width)
            if lines.count > 2 { lines = [lines[0], lines[1] + " …"] }
            edge.label = seen.insert([edge.to] + lines).inserted ? lines : []
            return edge
        }
    }

    /// What each target role says under its name: its findings' status and severity, worst first; colored by
    /// its worst severity in the newer snapshot (resolved-only targets stay neutral).
    private static func targetDescriptions(_ entries: [DiffEntry]) -> [(String, [String], Severity?)] {
        var byTarget: [String: [DiffEntry]] = [:]
        for entry in entries { byTarget[entry.finding.target, default: []].append(entry) }
        return byTarget.keys.sorted().map { target in
            let found = byTarget[target] ?? []
            let current = found.filter { $0.status != .resolved }.map(\.finding.severity).min()
            var lines: [String] = []
            for entry in found.sorted(by: { Finding.ranked($0.finding, $1.finding) }) {
                let line = describe(entry)
                if !lines.contains(line) { lines.append(line) }
            }
            return (target, Array(lines.prefix(3)) + (lines.count > 3 ? ["and \(lines.count - 3) more"] : []), current)
        }
    }

    private static func describe(_ entry: DiffEntry) -> String {
        let severity = entry.finding.severity.rawValue.uppercased()
        switch entry.status {
        case .new: return "NEW · \(severity)"
        case .resolved: return "RESOLVED · was \(entry.finding.severity.rawValue)"
        case .unchanged:
            if let change = entry.change?.severity {
                return "\(change.from.rawValue) → \(change.to.rawValue)".uppercased()
            }
            return "STILL · \(severity)"
        }
    }
}
