import TrustPathAnalysis
import TrustPathEngine

/// Which pairs a door's fix removes, from the doors alone: a pair (entry, target) goes when the door was the
/// entry's only door with the target behind it. One walk per door role (shared with every door into it) and a
/// count per entry and target: cost grows with doors and what lies behind them, not with doors × pairs.
/// Exact for doors whose statement admits no role session of the organization; `FixImpact` answers the others.
struct DoorFixImpact: Sendable {
    private let reach: RoleReach
    /// Per entry (by pair-id prefix), for each target: how many of its doors have the target behind them.
    private let doorsBehind: [String: [String: Int]]

    init(_ doors: [Door], reach: RoleReach) {
        var doorsBehind: [String: [String: Int]] = [:]
        for door in doors {
            for entry in door.entries {
                let key = Self.entryKey(entry)
                for role in Self.behind(door, entry: entry, reach: reach) { doorsBehind[key, default: [:]][role, default: 0] += 1 }
            }
        }
        self.reach = reach
        self.doorsBehind = doorsBehind
    }

    /// The ids of the pairs the door's fix removes (pairs that exist or not: the caller keeps the reported ones).
    func removedPairs(by door: Door) -> [String] {
        var removed: [String] = []
        for entry in door.entries {
            let key = Self.entryKey(entry)
            let counts = doorsBehind[key] ?? [:]
            for role in Self.behind(door, entry: entry, reach: reach) where counts[role] == 1 { removed.append(key + role) }
        }
        return removed
    }

    private static func behind(_ door: Door, entry: DoorEntry, reach: RoleReach) -> [String] {
        reach.reach(from: door.key.role, chainsOnward: Entry(kind: entry.kind, id: entry.id, name: entry.name).actor.chainsOnward).roles
    }

    /// `kind:id->`, the start of the entry's pair ids.
    private static func entryKey(_ entry: DoorEntry) -> String { "\(entry.kind.rawValue):\(entry.id)->" }
}
