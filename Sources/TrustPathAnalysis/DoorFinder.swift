import TrustPathEngine
import TrustPathModel

/// Finds the doors: every trust statement an entry passes on its first hop, with what lies behind it. Cost is
/// one walk per door, not one per (entry, role) pair.
struct DoorFinder {
    let index: SnapshotIndex
    let severities: SeverityCache
    /// The severity of every role behind a door, by number.
    let table: SeverityTable
    let reach: RoleReach
    /// What the large strongly connected components reach, for the counts.
    let shared: SharedReach
    /// How many of the worst targets each door shows with a path.
    let topCount: Int

    /// One passage: an entry crossing a door on its first hop.
    struct Passage {
        var entry: Entry
        var hop: HopVerdict
    }

    /// The first hops of each entry, grouped by door.
    static func passages(entries: [Entry], graph: AttackGraph, publicStatements: Set<StatementReference>)
        -> (byDoor: [DoorKey: [Passage]], alsoPassing: [DoorKey: [String]]) {
        var byDoor: [DoorKey: [Passage]] = [:]
        var alsoPassing: [DoorKey: [String]] = [:]
        for entry in entries {
            for hop in graph.edges(from: entry.actor) {
                guard let statement = hop.trustStatement else { continue }
                let key = DoorKey(role: hop.target, statement: statement.index)
                if entry.kind == .externalAccount, publicStatements.contains(statement) {
                    alsoPassing[key, default: []].append(entry.id)
                } else {
                    byDoor[key, default: []].append(Passage(entry: entry, hop: hop))
                }
            }
        }
        return (byDoor, alsoPassing)
    }

    func door(_ key: DoorKey, passages: [Passage], alsoPassing: [String], marks: RoleReach.Marks) -> Door? {
        guard let first = passages.first, let statement = first.hop.trustStatement,
              let role = index.rolesByARN[key.role] else { return nil }
        let entries = passages.map { passage in
            DoorEntry(id: passage.entry.id, kind: passage.entry.kind, name: passage.entry.name, state: passage.hop.state,
                      lacks: passage.hop.guardsMissing, restsOn: passage.hop.restsOn,
                      alsoPassing: passage.entry.kind == .public ? alsoPassing.sorted() : [],
                      note: VendorNotes.note(for: passage.entry, hop: Hop(passage.hop)))
        }
        let chainsOnward = passages.contains { $0.entry.actor.chainsOnward }
        let ranks = table.ranks
        let rankCount = Severity.allCases.count
        // Counted in a walk without order or paths (thousands of roles behind each of thousands of doors).
        let counts = reach.counts(from: key.role, chainsOnward: chainsOnward, ranks: ranks, rankCount: rankCount, shared: shared,
                                  marks: marks)
        // The worst `topCount` by severity, then by the shorter path (breadth-first order, which keeps the door's own
        // role ahead of its peers). The counts say how many of each severity that takes, so the breadth-first walk
        // stops once it has placed them: what it places first is what a whole walk would.
        var needed = Array(repeating: 0, count: rankCount)
        var left = topCount
        for rank in needed.indices {
            needed[rank] = min(counts[rank], left)
            left -= needed[rank]
        }
        var stillNeeded = topCount - left
        var placed = Array(repeating: 0, count: rankCount)
        let reached = reach.reach(from: key.role, chainsOnward: chainsOnward, marks: marks) { number in
            let rank = Int(ranks[number])
            if rank < rankCount, placed[rank] < needed[rank] {
                placed[rank] += 1
                stillNeeded -= 1
            }
            return stillNeeded == 0
        }
        let entryState = passages.map(\.hop.state).min() ?? .conditional
        var firstOfSeverity = Array(repeating: [Int](), count: rankCount)
        for position in reached.numbers.indices {
            let rank = Int(ranks[reached.numbers[position]])
            guard rank < rankCount, firstOfSeverity[rank].count < needed[rank] else { continue }
            firstOfSeverity[rank].append(position)
        }
        var behind: [Severity: Int] = [:]
        for severity in Severity.allCases where counts[severity.rank] > 0 { behind[severity] = counts[severity.rank] }
        let ranked = firstOfSeverity.joined().compactMap { position in
            table[reached.numbers[position]].map { (judged: $0, position: position) }
        }
        let best = passages.min { left, right in
            (Finding.exposureRank(kind: left.entry.kind, named: left.entry.name != nil), left.hop.state)
                < (Finding.exposureRank(kind: right.entry.kind, named: right.entry.name != nil), right.hop.state)
        } ?? first
        let top = ranked.map { item in
            DoorTarget(target: reached.role(at: item.position), severity: item.judged.severity, severityReason: item.judged.reason,
                       state: max(entryState, reached.state[item.position]),
                       path: [best.entry.id] + reached.path(to: item.position), crownJewel: item.judged.crownJewel)
        }
        let worst = ranked.first.map { ($0.judged.severity, $0.judged.reason) }
            ?? { let judged = severities.judged(role); return (judged.severity, judged.reason) }()
        let category: FindingCategory = passages.allSatisfy { $0.entry.kind == .service } ? .crossService : .crossAccount
        return Door(key: key, account: role.account, statement: statement, entries: entries,
                    entryHops: passages.map { Hop($0.hop) }, behind: behind, severity: worst.0, severityReason: worst.1,
                    category: category, state: entryState, top: top)
    }
}
