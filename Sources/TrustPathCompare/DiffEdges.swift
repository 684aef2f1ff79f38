import TrustPathAnalysis

/// Where a finding or an edge stands between two snapshots.
public enum DiffStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case new
    case resolved
    case unchanged
}

/// One hop of any chain in either snapshot, for a diff diagram: new hops, resolved hops and kept ones.
public struct DiffEdge: Sendable, Codable, Hashable, Comparable {
    /// An entry id or a role ARN.
    public var from: String
    /// A role ARN.
    public var to: String
    public var status: DiffStatus

    public static func < (lhs: DiffEdge, rhs: DiffEdge) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
}

/// A finding with where it stands, for renderers that draw every finding of a diff.
public struct DiffEntry: Sendable, Hashable {
    public var status: DiffStatus
    public var finding: Finding
    /// For unchanged findings that moved.
    public var change: FindingChange?
}

extension SnapshotDiff {
    /// Every finding of the diff with its status: new, then resolved, then unchanged.
    public var entries: [DiffEntry] {
        let changesByID = Dictionary(changes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return new.map { DiffEntry(status: .new, finding: $0) }
            + resolved.map { DiffEntry(status: .resolved, finding: $0) }
            + unchanged.map { DiffEntry(status: .unchanged, finding: $0, change: changesByID[$0.id]) }
    }

    /// Every hop on a reported chain (shortest path) of either snapshot: `new` when only the after-chains use it,
    /// `resolved` when only the before-chains did, `unchanged` when both do. Sorted by (from, to).
    public var edges: [DiffEdge] {
        var beforeEdges = Set<Pair>(), afterEdges = Set<Pair>()
        for finding in resolved { beforeEdges.formUnion(Self.pairs(finding.path)) }
        for finding in new { afterEdges.formUnion(Self.pairs(finding.path)) }
        for finding in unchanged {
            let after = Self.pairs(finding.path)
            afterEdges.formUnion(after)
            beforeEdges.formUnion(change(for: finding.id)?.path.map { Self.pairs($0.from) } ?? after)
        }
        return beforeEdges.union(afterEdges).map { pair in
            let status: DiffStatus = beforeEdges.contains(pair)
                ? (afterEdges.contains(pair) ? .unchanged : .resolved) : .new
            return DiffEdge(from: pair.from, to: pair.to, status: status)
        }.sorted()
    }

    private struct Pair: Hashable {
        var from: String
        var to: String
    }

    private static func pairs(_ path: [String]) -> [Pair] {
        zip(path, path.dropFirst()).map { Pair(from: $0, to: $1) }
    }
}
