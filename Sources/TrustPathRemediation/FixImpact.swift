import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// Which (entry, role) pairs one fix removes. A fix closes only the edges its statement alone allows, so only
/// the entries that reach one of those edges can lose anything: just those are walked again, not the whole
/// graph once per fix (which grew with fixes × edges).
struct FixImpact: Sendable {
    let edges: AttackEdges
    /// Per entry, in `edges.entries` order: the roles it reaches with every edge open.
    private let reached: [Set<String>]
    /// The edges whose every allowing statement is this one: the edges a fix of it can close.
    private let edgesByStatement: [StatementReference: [Int]]
    /// For each reached role, the entries (by position) that reach it.
    private let entriesReaching: [String: [Int]]

    init(_ edges: AttackEdges) {
        self.edges = edges
        // One walk per entry, on every core: a thousand entries each reach up to thousands of roles.
        reached = orderedConcurrentMap(edges.entries.count) { edges.reached(from: edges.entries[$0]) { _ in false } }
        var reaching: [String: [Int]] = [:]
        for (position, roles) in reached.enumerated() {
            for role in roles { reaching[role, default: []].append(position) }
        }
        entriesReaching = reaching
        var byStatement: [StatementReference: [Int]] = [:]
        for (position, edge) in edges.edges.enumerated() {
            guard let first = edge.statements.first, edge.statements.allSatisfy({ $0 == first }) else { continue }
            byStatement[first, default: []].append(position)
        }
        edgesByStatement = byStatement
    }

    /// The pairs (as `AttackEdges.pair` names them) reachable now and no longer once `fix` is applied;
    /// the same as comparing `reachablePairs` before and after, entry by entry.
    func removedPairs(by fix: Fix) -> [String] {
        let closing = (edgesByStatement[fix.statement] ?? []).filter {
            fix.closes(FixPlanner.ActorClass(edges.edges[$0].actor))
        }
        guard !closing.isEmpty else { return [] }
        let closed = Set(closing)
        let sources = Set(closing.map { edges.edges[$0].actor })
        let sourceRoles = sources.compactMap { actor -> String? in
            if case .roleSession(let arn) = actor { arn } else { nil }
        }
        var affected = Set(sourceRoles.flatMap { entriesReaching[$0] ?? [] })
        for (position, entry) in edges.entries.enumerated() where sources.contains(entry) { affected.insert(position) }
        var removed: [String] = []
        for position in affected.sorted() {
            let entry = edges.entries[position]
            let after = edges.reached(from: entry) { closed.contains($0) }
            for target in reached[position] where !after.contains(target) {
                removed.append(AttackEdges.pair(entry, target))
            }
        }
        return removed
    }
}
