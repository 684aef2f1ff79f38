import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// Which (entry, role) pairs one fix removes. A fix closes only the hops its statement alone allows, so only
/// the entries that reach one of those hops can lose anything: just those are walked again, not the whole
/// graph once per fix (which grew with fixes × hops).
struct FixImpact: Sendable {
    let edges: AttackEdges
    /// Per entry, in `edges.entries` order: the roles it reaches with every hop open.
    private let reached: [Set<String>]
    /// For each reached role, the entries (by position) that reach it.
    private let entriesReaching: [String: [Int]]

    init(_ edges: AttackEdges) {
        self.edges = edges
        // One walk per entry, on every core: a thousand entries each reach up to thousands of roles.
        reached = orderedConcurrentMap(edges.entries.count) { edges.reached(from: edges.entries[$0]) }
        var reaching: [String: [Int]] = [:]
        for (position, roles) in reached.enumerated() {
            for role in roles { reaching[role, default: []].append(position) }
        }
        entriesReaching = reaching
    }

    /// The pairs (as `AttackEdges.pair` names them) reachable now and no longer once `fix` is applied;
    /// the same as comparing `reachablePairs` before and after, entry by entry.
    func removedPairs(by fix: Fix) -> [String] {
        let role = fix.statement.owner
        // The bundles into the fixed role whose every allowing statement is the fixed one, from actors the fix stops.
        let closing = edges.bundles(into: role).filter { position in
            let bundle = edges.bundles[position]
            return !bundle.statementIndices.isEmpty && bundle.statementIndices.allSatisfy { $0 == fix.statement.index }
                && fix.closes(FixPlanner.ActorClass(bundle.actor))
                && edges.statements(of: position, target: role).allSatisfy { $0 == fix.statement }
        }
        guard !closing.isEmpty else { return [] }
        let closure = AttackEdges.Closure(role: role, bundles: Set(closing))
        let sources = Set(closing.map { edges.bundles[$0].actor })
        let sourceRoles = sources.compactMap { actor -> String? in
            if case .roleSession(let arn) = actor { arn } else { nil }
        }
        var affected = Set(sourceRoles.flatMap { entriesReaching[$0] ?? [] })
        for (position, entry) in edges.entries.enumerated() where sources.contains(entry) { affected.insert(position) }
        var removed: [String] = []
        for position in affected.sorted() {
            let entry = edges.entries[position]
            let after = edges.reached(from: entry, closing: closure)
            for target in reached[position] where !after.contains(target) {
                removed.append(AttackEdges.pair(entry, target))
            }
        }
        return removed
    }
}
