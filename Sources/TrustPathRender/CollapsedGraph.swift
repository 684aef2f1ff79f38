import TrustPathAnalysis
import TrustPathEngine
import TrustPathReport

/// The overview with one node per account, for organizations too large to draw role by role. When even that
/// has more nodes than the budget, the accounts and entries with the mildest doors merge into one
/// "more" node per side, so the picture stays readable and says what it left out.
struct CollapsedGraph {
    var nodes: [DiagramNode]
    var edges: [DiagramEdge]
    /// Groups (accounts or entries) merged into a "more" node; 0 when everything is drawn.
    var merged: Int

    static let moreMembers = "more:member"
    static let moreOutside = "more:outside"

    /// The doors counted per group and their hops between groups: the pass over every door, the same whatever the
    /// budget, so a search for the budget that fits counts once.
    struct Tally {
        fileprivate var groups: [String: Group] = [:]
        fileprivate var hops: [RawHop: Hop?] = [:]

        init(_ doors: [ReportDoor], context: DoorContext, paths: Int, directory: AccountDirectory) {
            for door in doors {
                let doorGroup = Group.member(directory.account(ofRole: door.role), directory: directory)
                groups[doorGroup.id, default: doorGroup].count(door)
                for passing in door.entries {
                    let entry = Entry(kind: passing.kind, id: passing.id, name: passing.name)
                    let entryGroup = Group.entry(entry, directory: directory)
                    groups[entryGroup.id, default: entryGroup].count(door)
                    let hop = context.entryHop(passing, door: door)
                    record(RawHop(fromGroup: entryGroup.id, from: entryGroup.id, to: door.role, toGroup: doorGroup.id), hop)
                }
                for target in door.top.prefix(paths) {
                    let roles = Array(target.path.dropFirst())
                    let targetGroup = Group.member(directory.account(ofRole: target.target), directory: directory)
                    groups[targetGroup.id, default: targetGroup].reach(target.target, severity: target.severity)
                    for (from, to) in zip(roles, roles.dropFirst()) {
                        let fromGroup = Group.member(directory.account(ofRole: from), directory: directory)
                        let toGroup = Group.member(directory.account(ofRole: to), directory: directory)
                        if groups[toGroup.id] == nil { groups[toGroup.id] = toGroup }
                        record(RawHop(fromGroup: fromGroup.id, from: from, to: to, toGroup: toGroup.id),
                               context.roleHop(from: from, to: to))
                    }
                }
            }
        }

        private mutating func record(_ key: RawHop, _ hop: Hop?) {
            if hops[key] == nil || hops[key] == .some(nil) { hops[key] = hop }
        }
    }

    init(_ tally: Tally, directory: AccountDirectory, budget: Int) {
        let (groups, hops) = (tally.groups, tally.hops)
        // Keep the groups with the worst doors; merge the rest.
        let ranked = groups.values.sorted { ($0.rankKey) < ($1.rankKey) }
        var target: [String: String] = [:]
        var more: [String: Group] = [:]
        let keep = ranked.count > budget ? max(budget - 2, 1) : ranked.count
        for (position, group) in ranked.enumerated() {
            if position < keep {
                target[group.id] = group.id
            } else {
                let moreID = group.outside ? Self.moreOutside : Self.moreMembers
                target[group.id] = moreID
                more[moreID, default: Group.more(moreID)].absorb(group)
            }
        }
        merged = ranked.count - keep

        var aggregates: [DetailedGraph.EdgeKey: Aggregate] = [:]
        for (raw, hop) in hops {
            guard let from = target[raw.fromGroup], let to = target[raw.toGroup], from != to else { continue }
            aggregates[DetailedGraph.EdgeKey(from: from, to: to), default: Aggregate()].add(hop)
        }
        let kept = ranked.prefix(keep) + more.keys.sorted().compactMap { more[$0] }
        nodes = kept.map { $0.node(directory) }.sorted { $0.id < $1.id }
        edges = aggregates.keys.sorted().compactMap { key in aggregates[key]?.edge(key) }
    }

    // MARK: - Pieces

    fileprivate struct RawHop: Hashable {
        var fromGroup: String
        var from: String
        var to: String
        var toGroup: String
    }

    /// One account, one outside entry, or a "more" node, with the doors counted against it and the worst targets
    /// drawn in it.
    fileprivate struct Group {
        var id: String
        var outside: Bool
        var entry: Entry?
        var account: String?
        var doors = 0
        var worst: Severity?
        var roles: Set<String> = []
        var absorbed = 0

        static func entry(_ entry: Entry, directory: AccountDirectory) -> Group {
            if entry.kind == .externalAccount {
                return Group(id: AccountDirectory.nodeID(account: entry.id), outside: true, entry: entry, account: entry.id)
            }
            return Group(id: AccountDirectory.nodeID(entry), outside: true, entry: entry)
        }

        static func member(_ account: String, directory: AccountDirectory) -> Group {
            Group(id: AccountDirectory.nodeID(account: account), outside: false, account: account)
        }

        static func more(_ id: String) -> Group {
            Group(id: id, outside: id == CollapsedGraph.moreOutside)
        }

        mutating func count(_ door: ReportDoor) {
            doors += 1
            worst = Swift.min(worst ?? door.severity, door.severity)
        }

        mutating func reach(_ role: String, severity: Severity) {
            roles.insert(role)
            worst = Swift.min(worst ?? severity, severity)
        }

        mutating func absorb(_ other: Group) {
            doors += other.doors
            roles.formUnion(other.roles)
            if let severity = other.worst { worst = Swift.min(worst ?? severity, severity) }
            absorbed += 1
        }

        /// Worst severity first, then most doors, then id: the order in which groups keep their own node.
        var rankKey: RankKey { RankKey(severity: worst?.rank ?? Severity.allCases.count, doors: -doors, id: id) }

        func node(_ directory: AccountDirectory) -> DiagramNode {
            let counts = Self.plural(doors, "door")
            if id == CollapsedGraph.moreMembers || id == CollapsedGraph.moreOutside {
                let what = outside ? "outside entries" : "org accounts"
                return DiagramNode(id: id, kind: .more, title: "+\(absorbed) more \(what)",
                                   details: [counts + (outside ? "" : " · \(Self.plural(roles.count, "worst target")) drawn")]
                                       + (worst.map { ["worst: \($0.rawValue.uppercased())"] } ?? []),
                                   severity: outside ? nil : worst,
                                   tooltip: "\(absorbed) groups with milder doors, merged to keep the overview legible")
            }
            if let entry, entry.kind != .externalAccount {
                var node = directory.node(entry)
                node.details.append(counts)
                return node
            }
            let account = account ?? ""
            if let entry {
                let kind = directory.kind(ofEntryAccount: entry)
                let vendor = directory.vendorName(entry)
                return DiagramNode(id: id, kind: .account(kind), title: vendor ?? "account \(account)",
                                   details: [vendor == nil ? "external, unknown" : "\(account) · known vendor", counts],
                                   severity: nil, tooltip: "external account \(account)")
            }
            let name = directory.names[account]
            var details = name == nil ? [] : [account]
            var parts: [String] = []
            if doors > 0 { parts.append(counts) }
            if !roles.isEmpty { parts.append(Self.plural(roles.count, "worst target")) }
            details.append(parts.isEmpty ? "passed through" : parts.joined(separator: " · "))
            if let worst { details.append("worst: \(worst.rawValue.uppercased())") }
            return DiagramNode(id: id, kind: .account(.member), title: name ?? "account \(account)", details: details,
                               severity: worst, tooltip: "org account \(account)")
        }

        static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
    }

    struct RankKey: Comparable {
        var severity: Int
        var doors: Int
        var id: String
        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.severity, lhs.doors, lhs.id) < (rhs.severity, rhs.doors, rhs.id)
        }
    }

    /// Many hops between two groups drawn as one arrow: how many, how many open, and the union of what they lack.
    private struct Aggregate {
        var count = 0
        var conditional = 0
        var lacks: Set<String> = []
        var weak: Set<String> = []

        mutating func add(_ hop: Hop?) {
            count += 1
            if hop?.state == .conditional { conditional += 1 }
            lacks.formUnion(hop?.guardsMissing ?? [])
            weak.formUnion(hop?.weakGuards ?? [])
        }

        func edge(_ key: DetailedGraph.EdgeKey) -> DiagramEdge {
            var label: [String] = []
            if count > 1 {
                label.append("\(count) hops" + (conditional > 0 && conditional < count ? " (\(conditional) conditional)" : ""))
            }
            label += Self.summary("lacks", lacks) + Self.summary("weak", weak)
            return DiagramEdge(from: key.from, to: key.to, state: conditional == count ? .conditional : .open,
                               label: label, count: count, tooltip: "\(count) hops")
        }

        /// At most three items, so a label never grows with the organization.
        private static func summary(_ prefix: String, _ items: Set<String>) -> [String] {
            guard !items.isEmpty else { return [] }
            let sorted = items.sorted()
            let shown = sorted.prefix(3).joined(separator: ", ") + (sorted.count > 3 ? ", …" : "")
            return DOTText.wrap("\(prefix) \(shown)", width: HopLabel.width)
        }
    }
}
