import TrustPathAnalysis
import TrustPathEngine
import TrustPathReport

/// Entries, roles and hops, one node per role: the overview before collapsing, the per-door diagrams, the diff.
/// Accumulates, then `diagram` sorts everything into a stable order.
struct DetailedGraph {
    let directory: AccountDirectory
    /// Hop labels name the trust statement (per-door diagrams).
    let showStatements: Bool

    private var entries: [String: Entry] = [:]
    private var roles: [String: DiagramNode] = [:]
    /// Role node id → its account.
    private var roleAccounts: [String: String] = [:]
    private var edges: [EdgeKey: DiagramEdge] = [:]
    private var entryDetails: [String: [String]] = [:]
    /// The ARNs of the role nodes, in no order.
    private(set) var roleARNs: Set<String> = []

    struct EdgeKey: Hashable, Comparable {
        var from: String
        var to: String
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
    }

    init(directory: AccountDirectory, showStatements: Bool) {
        self.directory = directory
        self.showStatements = showStatements
    }

    var nodeCount: Int { entries.count + roles.count }

    /// Adds the finding's chain: its entry, every role on it, every hop.
    mutating func add(_ finding: Finding) {
        let entryID = AccountDirectory.nodeID(finding.entry)
        entries[entryID] = finding.entry
        var previous = entryID
        for (index, arn) in finding.path.dropFirst().enumerated() {
            let roleID = addRole(arn)
            let hop = finding.hops.indices.contains(index) && finding.hops[index].to == arn ? finding.hops[index] : nil
            addEdge(from: previous, to: roleID, hop: hop, fallbackState: finding.state)
            previous = roleID
        }
    }

    /// Adds one hop, from an entry or from a role, and the nodes at both ends. `extra` lines go under the hop's own
    /// label (the wide trust it passed); a choke-point hop is drawn bold.
    mutating func addHop(from entry: Entry?, role from: String, to: String, hop: Hop?, fallbackState: HopState,
                         extra: [String] = [], chokePoint: Bool = false) {
        let fromID: String
        if let entry {
            fromID = AccountDirectory.nodeID(entry)
            entries[fromID] = entry
        } else {
            fromID = addRole(from)
        }
        let toID = addRole(to)
        addEdge(from: fromID, to: toID, hop: hop, fallbackState: fallbackState, extra: extra)
        if chokePoint { edges[EdgeKey(from: fromID, to: toID)]?.chokePoint = true }
    }

    /// Adds a role without a hop (a door nobody else reaches is always drawn).
    mutating func add(role arn: String) { _ = addRole(arn) }

    /// Marks a role node: one of its statements is a choke point.
    mutating func markChokePoint(_ arn: String) {
        roles[AccountDirectory.nodeID(role: arn)]?.chokePoint = true
    }

    /// Extra lines under an entry's node (the outside accounts that pass where the public does).
    mutating func describeEntry(_ entry: Entry, details: [String]) {
        entryDetails[AccountDirectory.nodeID(entry)] = details
    }

    /// Adds another chain of the same finding, drawn faint and unlabelled (the report keeps no hop details for it).
    mutating func addAlternative(_ path: [String], entry: Entry) {
        var previous = AccountDirectory.nodeID(entry)
        for arn in path.dropFirst() {
            let roleID = addRole(arn)
            let key = EdgeKey(from: previous, to: roleID)
            if edges[key] == nil {
                edges[key] = DiagramEdge(from: previous, to: roleID, state: .open, label: [],
                                         tooltip: "another chain of the same length", primary: false)
            }
            previous = roleID
        }
    }

    /// Marks each arrow with where it stands between two snapshots; arrows of a changed chain's old path, added as
    /// alternatives, become full arrows. Keys are (entry id or role ARN, role ARN), as `SnapshotDiff.edges` gives them.
    mutating func markChanges(_ changes: [EdgeKey: EdgeChange]) {
        for (key, change) in changes {
            guard var edge = edges[key] else { continue }
            edge.change = change
            edge.primary = true
            edges[key] = edge
        }
    }

    /// Sets what a role node says under its name, and its color.
    mutating func describeRole(_ arn: String, severity: Severity?, details: [String], emphasized: Bool = false) {
        let id = AccountDirectory.nodeID(role: arn)
        guard var node = roles[id] else { return }
        node.severity = severity
        node.details = details
        node.emphasized = emphasized
        roles[id] = node
    }

    func diagram(name: String, title: [String]) -> Diagram {
        var free: [DiagramNode] = []
        var clustered: [ClusterKey: [DiagramNode]] = [:]
        for entry in entries.values.sorted() {
            var node = directory.node(entry)
            node.details += entryDetails[node.id] ?? []
            if entry.kind == .externalAccount {
                clustered[ClusterKey(kind: directory.kind(ofEntryAccount: entry), account: entry.id), default: []].append(node)
            } else {
                free.append(node)
            }
        }
        for node in roles.values {
            let account = roleAccounts[node.id] ?? ""
            clustered[ClusterKey(kind: .member, account: account), default: []].append(node)
        }
        let clusters = clustered.keys.sorted().map { key in
            let nodes = (clustered[key] ?? []).sorted { $0.id < $1.id }
            let vendor = entries.values.first { $0.id == key.account }.flatMap(directory.vendorName)
            return DiagramCluster(account: key.account, kind: key.kind,
                                  label: directory.clusterLabel(key.account, kind: key.kind, vendorName: vendor),
                                  nodes: nodes)
        }
        let sortedEdges = edges.keys.sorted().compactMap { edges[$0] }
        return Diagram(name: name, title: title, clusters: clusters, nodes: free, edges: sortedEdges)
    }

    // MARK: - Private

    private struct ClusterKey: Hashable, Comparable {
        var kind: AccountKind
        var account: String
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.kind, lhs.account) < (rhs.kind, rhs.account) }
    }

    private mutating func addRole(_ arn: String) -> String {
        let id = AccountDirectory.nodeID(role: arn)
        if roles[id] == nil {
            roleARNs.insert(arn)
            roles[id] = directory.roleNode(arn)
            roleAccounts[id] = directory.account(ofRole: arn)
        }
        return id
    }

    private mutating func addEdge(from: String, to: String, hop: Hop?, fallbackState: HopState, extra: [String] = []) {
        let key = EdgeKey(from: from, to: to)
        let state = hop?.state ?? fallbackState
        let label = (hop.map { HopLabel.lines($0, statement: showStatements) } ?? []) + extra
        let tooltip = hop.map(HopLabel.tooltip) ?? "\(state.rawValue) hop"
        if var existing = edges[key], existing.primary {
            // The same hop reached by several findings: one arrow, open if any verdict was open.
            existing.state = min(existing.state, state)
            for line in label where !existing.label.contains(line) { existing.label.append(line) }
            edges[key] = existing
        } else {
            edges[key] = DiagramEdge(from: from, to: to, state: state, label: label, tooltip: tooltip)
        }
    }
}

/// What an arrow says about its hop: what the trust statement lacks, protects badly, or rests on.
enum HopLabel {
    static let width = 44

    static func lines(_ hop: Hop, statement: Bool) -> [String] {
        var lines: [String] = []
        if !hop.guardsMissing.isEmpty { lines.append("lacks " + hop.guardsMissing.joined(separator: ", ")) }
        lines += hop.weakGuards.map { "weak " + $0 }
        if !hop.restsOn.isEmpty { lines.append("only if " + hop.restsOn.joined(separator: " and ")) }
        if statement, let reference = hop.statement {
            lines.append("trust statement \(reference.index)" + (reference.sid.map { " (\($0))" } ?? ""))
        }
        if statement && hop.identityRequired { lines.append("and an identity policy allows it") }
        return lines.flatMap { DOTText.wrap($0, width: width) }
    }

    static func tooltip(_ hop: Hop) -> String {
        var text = "\(hop.state.rawValue) hop \(hop.from) → \(hop.to)"
        if let reference = hop.statement { text += " · \(reference.file) \(reference.jsonPath)" }
        return text
    }
}
