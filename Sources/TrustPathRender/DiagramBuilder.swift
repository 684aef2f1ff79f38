import Foundation
import TrustPathAnalysis
import TrustPathReport

/// Turns a `Report` into DOT text, door first: the overview of every door (entries at the left, the doors, what lies
/// behind each), and one diagram per door. Pure Swift and deterministic (sorted nodes and edges, ids from ARNs), so
/// the output is golden-testable. Does no analysis: everything drawn is in the report.
public enum DiagramBuilder {
    /// Worst targets drawn behind each door in the overview; a door's own diagram draws all of its `top`.
    static let overviewPaths = 3

    /// The overview of the doors the options keep, collapsed to one node per account when it would have more than
    /// `options.collapseAbove` nodes.
    public static func overview(_ report: Report, options: DiagramOptions = DiagramOptions()) -> String {
        DOTWriter.write(overviewDiagram(report, options: options))
    }

    /// One door: its entries, its statement's role, and the worst targets behind it with a shortest path each.
    public static func door(_ door: ReportDoor, in report: Report) -> String {
        DOTWriter.write(doorDiagram(door, in: report, context: DoorContext(report, doors: [door], paths: door.top.count)))
    }

    /// True when the overview of these options is drawn one node per account.
    public static func overviewIsCollapsed(_ report: Report, options: DiagramOptions) -> Bool {
        let doors = options.filter(report.doors)
        return detailedOverview(report, doors).graph.nodeCount > options.collapseAbove
    }

    // MARK: - Diagrams

    static func overviewDiagram(_ report: Report, options: DiagramOptions) -> Diagram {
        let doors = options.filter(report.doors)
        let drawn = detailedOverview(report, doors)
        var title = [overviewTitle(report), Heading.counts(doors, pairs: report.summary.findings)]
        if let filter = Heading.filter(options) { title.append(filter) }
        guard drawn.graph.nodeCount > options.collapseAbove else {
            return drawn.graph.diagram(name: "trustpath-overview", title: title)
        }
        let collapsed = collapsedGraph(doors, drawn.context, drawn.context.directory, nodeBudget: options.collapseAbove)
        title.append("Collapsed to one node per account: \(drawn.graph.nodeCount) roles and entries is more than "
            + "\(options.collapseAbove). Each door's own diagram shows its roles.")
        if collapsed.merged > 0 {
            title.append("Only the accounts and entries with the worst doors are drawn; "
                + "\(collapsed.merged) more are merged into the \"more\" nodes.")
        }
        return Diagram(name: "trustpath-overview", title: title, clusters: [], nodes: collapsed.nodes,
                       edges: collapsed.edges)
    }

    /// The collapsed overview within the node budget and an arrow budget of the same size: a thousand accounts
    /// reached by a few hub entries fit 150 nodes but not the 1,500 arrows between them, which Graphviz lays out
    /// slowly and nobody can read. The node budget shrinks until the arrows fit too.
    static func collapsedGraph(_ doors: [ReportDoor], _ context: DoorContext, _ directory: AccountDirectory,
                               nodeBudget: Int) -> CollapsedGraph {
        var budget = nodeBudget
        let tally = CollapsedGraph.Tally(doors, context: context, paths: overviewPaths, directory: directory)
        var graph = CollapsedGraph(tally, directory: directory, budget: budget)
        while graph.edges.count > nodeBudget && budget > 8 {
            budget = max(8, budget * 3 / 4)
            graph = CollapsedGraph(tally, directory: directory, budget: budget)
        }
        return graph
    }

    /// `context` must cover the door (built for it, or for all the doors drawn): one pass over the pairs for all.
    static func doorDiagram(_ door: ReportDoor, in report: Report, context: DoorContext) -> Diagram {
        var drawn = DoorGraph(directory: context.directory, context: context, paths: door.top.count, showStatements: true)
        drawn.listsAlsoPassing = true
        drawn.add(door)
        var reasons: [String: String] = [:]
        for target in door.top { reasons[target.target] = target.severityReason }
        drawn.describeRoles(emphasized: door.role, reasons: reasons)
        let names = context.names
        let entries = door.entries.count
        var title = ["\(door.severity.rawValue.uppercased()) door: \(names.role(door.role)) statement \(door.statement)"
                        + (door.sid.map { " (\($0))" } ?? ""),
                     "\(door.file)" + (door.region.map { ":\($0.startLine)" } ?? "")
                        + " · \(door.state.rawValue) · \(entries == 1 ? "1 entry passes" : "\(entries) entries pass") it · "
                        + DoorGraph.behind(door),
                     door.top.count == 1 ? "Drawn: the worst target behind it, with a shortest path."
                        : "Drawn: the \(door.top.count) worst targets behind it, each with a shortest path."]
        if context.chokePoints.contains(DoorKey(role: door.role, statement: door.statement)) {
            title.append("Choke point: fixing this statement is part of the smallest set of fixes that removes every "
                + "\(report.chokePointSeverity.rawValue) pair.")
        }
        if let fix = door.fix { title.append("Fix: " + fix.summary) }
        return drawn.graph.diagram(name: "trustpath-door", title: title)
    }

    private static func detailedOverview(_ report: Report, _ doors: [ReportDoor]) -> DoorGraph {
        let context = DoorContext(report, doors: doors, paths: overviewPaths)
        var drawn = DoorGraph(directory: context.directory, context: context, paths: overviewPaths, showStatements: false)
        for door in doors { drawn.add(door) }
        drawn.describeRoles()
        return drawn
    }

    private static func overviewTitle(_ report: Report) -> String {
        let scope = report.snapshot.organizationID.map { "organization \($0)" }
            ?? "\(report.snapshot.analyzedAccounts.count) analyzed account\(report.snapshot.analyzedAccounts.count == 1 ? "" : "s")"
        return "Who outside can become which role: the doors into \(scope)"
    }
}

/// The subtitle lines of a diagram.
enum Heading {
    static func counts(_ doors: [ReportDoor], pairs: Int) -> String {
        guard !doors.isEmpty else { return "No doors: no attack paths found." }
        let bySeverity = Severity.allCases.map { severity in
            "\(doors.filter { $0.severity == severity }.count) \(severity.rawValue)"
        }
        let conditional = doors.filter { $0.state == .conditional }.count
        let service = doors.filter { $0.category == .crossService }.count
        return "\(doors.count) door\(doors.count == 1 ? "" : "s") (trust statements outside entries pass): "
            + bySeverity.joined(separator: ", ") + " · \(conditional) conditional · \(service) for AWS services"
            + " · \(pairs) (entry, role) pair\(pairs == 1 ? "" : "s") in the report"
    }

    static func filter(_ options: DiagramOptions) -> String? {
        var parts: [String] = []
        if let severity = options.minimumSeverity { parts.append("severity \(severity.rawValue) or worse") }
        if let target = options.target, !target.isEmpty { parts.append("door or target contains \"\(target)\"") }
        if let entry = options.entry, !entry.isEmpty { parts.append("entry \(entry)") }
        if let account = options.account, !account.isEmpty { parts.append("touching account \(account)") }
        return parts.isEmpty ? nil : "Filtered: " + parts.joined(separator: " · ")
    }
}
