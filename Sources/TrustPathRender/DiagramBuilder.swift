import Foundation
import TrustPathAnalysis
import TrustPathReport

/// Turns a `Report` into DOT text: the overview of every risky path, and one diagram per finding.
/// Pure Swift and deterministic (sorted nodes and edges, ids from ARNs), so the output is golden-testable.
/// Does no analysis: everything drawn is in the report.
public enum DiagramBuilder {
    /// The overview of the findings the options keep, collapsed to one node per account when it would have
    /// more than `options.collapseAbove` nodes.
    public static func overview(_ report: Report, options: DiagramOptions = DiagramOptions()) -> String {
        DOTWriter.write(overviewDiagram(report, options: options))
    }

    /// One finding's chain: its entry, every role on it, what each hop lacks, and other chains of the same length.
    public static func finding(_ finding: Finding, in report: Report) -> String {
        DOTWriter.write(findingDiagram(finding, in: report))
    }

    /// True when the overview of these options is drawn one node per account.
    public static func overviewIsCollapsed(_ report: Report, options: DiagramOptions) -> Bool {
        detailedOverview(options.filter(report.findings), AccountDirectory(report)).nodeCount > options.collapseAbove
    }

    // MARK: - Diagrams

    static func overviewDiagram(_ report: Report, options: DiagramOptions) -> Diagram {
        let findings = options.filter(report.findings)
        let directory = AccountDirectory(report)
        let graph = detailedOverview(findings, directory)
        var title = [overviewTitle(report), Heading.counts(findings)]
        if let filter = Heading.filter(options) { title.append(filter) }
        guard graph.nodeCount > options.collapseAbove else {
            return graph.diagram(name: "trustpath-overview", title: title)
        }
        let collapsed = collapsedGraph(findings, directory, nodeBudget: options.collapseAbove)
        title.append("Collapsed to one node per account: \(graph.nodeCount) roles and entries is more than "
            + "\(options.collapseAbove). Per-finding diagrams show every role.")
        if collapsed.merged > 0 {
            title.append("Only the accounts and entries with the worst findings are drawn; "
                + "\(collapsed.merged) more are merged into the \"more\" nodes.")
        }
        return Diagram(name: "trustpath-overview", title: title, clusters: [], nodes: collapsed.nodes,
                       edges: collapsed.edges)
    }

    /// The collapsed overview within the node budget and an arrow budget of the same size: a thousand accounts
    /// reached by a few hub entries fit 150 nodes but not the 1,500 arrows between them, which Graphviz lays out
    /// slowly and nobody can read. The node budget shrinks until the arrows fit too.
    static func collapsedGraph(_ findings: [Finding], _ directory: AccountDirectory, nodeBudget: Int) -> CollapsedGraph {
        var budget = nodeBudget
        let tally = CollapsedGraph.Tally(findings, directory: directory)
        var graph = CollapsedGraph(tally, directory: directory, budget: budget)
        while graph.edges.count > nodeBudget && budget > 8 {
            budget = max(8, budget * 3 / 4)
            graph = CollapsedGraph(tally, directory: directory, budget: budget)
        }
        return graph
    }

    static func findingDiagram(_ finding: Finding, in report: Report) -> Diagram {
        let directory = AccountDirectory(report)
        var graph = DetailedGraph(directory: directory, showStatements: true)
        for alternative in finding.alternatives { graph.addAlternative(alternative, entry: finding.entry) }
        graph.add(finding)
        let reason = DOTText.wrap(finding.severityReason, width: 36)
        graph.describeRole(finding.target, severity: finding.severity,
                           details: [finding.severity.rawValue.uppercased()] + reason, emphasized: true)
        let names = DisplayNames(report)
        let hops = finding.path.count - 1
        var title = ["\(finding.severity.rawValue.uppercased()): \(names.entry(finding.entry)) → \(names.role(finding.target))",
                     "\(finding.state.rawValue) chain of \(hops) hop\(hops == 1 ? "" : "s") · \(finding.category.rawValue)"]
        if !finding.alternatives.isEmpty {
            let count = finding.alternatives.count
            title.append("\(count) other chain\(count == 1 ? "" : "s") of the same length drawn dotted")
        }
        return graph.diagram(name: "trustpath-finding", title: title)
    }

    private static func detailedOverview(_ findings: [Finding], _ directory: AccountDirectory) -> DetailedGraph {
        var graph = DetailedGraph(directory: directory, showStatements: false)
        var targeted: [String: (severity: Severity, count: Int)] = [:]
        for finding in findings {
            graph.add(finding)
            let previous = targeted[finding.target]
            targeted[finding.target] = (min(previous?.severity ?? finding.severity, finding.severity), (previous?.count ?? 0) + 1)
        }
        for (arn, target) in targeted {
            let findings = "\(target.count) finding\(target.count == 1 ? "" : "s")"
            graph.describeRole(arn, severity: target.severity, details: ["\(target.severity.rawValue.uppercased()) · \(findings)"])
        }
        return graph
    }

    private static func overviewTitle(_ report: Report) -> String {
        let scope = report.snapshot.organizationID.map { "organization \($0)" }
            ?? "\(report.snapshot.analyzedAccounts.count) analyzed account\(report.snapshot.analyzedAccounts.count == 1 ? "" : "s")"
        return "Who outside can become which role: attack paths into \(scope)"
    }
}

/// The subtitle lines of a diagram.
enum Heading {
    static func counts(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "No attack paths found." }
        let bySeverity = Severity.allCases.map { severity in
            "\(findings.filter { $0.severity == severity }.count) \(severity.rawValue)"
        }
        let conditional = findings.filter { $0.state == .conditional }.count
        let service = findings.filter { $0.category == .crossService }.count
        return "\(findings.count) finding\(findings.count == 1 ? "" : "s"): " + bySeverity.joined(separator: ", ")
            + " · \(conditional) conditional · \(service) cross-service (AWS service entries)"
    }

    static func filter(_ options: DiagramOptions) -> String? {
        var parts: [String] = []
        if let severity = options.minimumSeverity { parts.append("severity \(severity.rawValue) or worse") }
        if let target = options.target, !target.isEmpty { parts.append("target contains \"\(target)\"") }
        if let entry = options.entry, !entry.isEmpty { parts.append("entry \(entry)") }
        if let account = options.account, !account.isEmpty { parts.append("touching account \(account)") }
        return parts.isEmpty ? nil : "Filtered: " + parts.joined(separator: " · ")
    }
}
