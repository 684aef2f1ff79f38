import TrustPathAnalysis
import TrustPathEngine

/// Which pairs a door's fix removes, from the doors alone: a pair (entry, target) goes when the door was the
/// entry's only door with the target behind it. One walk per door role (shared with every door into it) and a
/// count per entry and target: cost grows with doors and what lies behind them, not with doors × pairs.
/// Exact for doors whose statement admits no role session of the organization; `FixImpact` answers the others.
struct DoorFixImpact: Sendable {
    private let reach: RoleReach
    /// Per entry (by pair-id prefix), for each role behind its doors (by number): how many of its doors have it behind
    /// them. Sized by what lies behind each entry's doors, not by the organization: an estate may have thousands of
    /// outside accounts as entries.
    private let doorsBehind: [String: [Int: Int32]]

    init(_ doors: [Door], reach: RoleReach) {
        var doorsBehind: [String: [Int: Int32]] = [:]
        for door in doors {
            for entry in door.entries {
                let key = Self.entryKey(entry)
                // Taken out and put back, so the counts are changed in place rather than copied.
                var counts = doorsBehind.removeValue(forKey: key) ?? [:]
                for number in Self.behind(door, entry: entry, reach: reach).numbers { counts[number, default: 0] += 1 }
                doorsBehind[key] = counts
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
            guard let counts = doorsBehind[key] else { continue }
            let behind = Self.behind(door, entry: entry, reach: reach)
            for position in behind.numbers.indices where counts[behind.numbers[position]] == 1 {
                removed.append(key + behind.role(at: position))
            }
        }
        return removed
    }

    private static func behind(_ door: Door, entry: DoorEntry, reach: RoleReach) -> RoleReach.Reach {
        reach.reach(from: door.key.role, chainsOnward: Entry(kind: entry.kind, id: entry.id, name: entry.name).actor.chainsOnward)
    }

    /// `kind:id->`, the start of the entry's pair ids.
    private static func entryKey(_ entry: DoorEntry) -> String { "\(entry.kind.rawValue):\(entry.id)->" }
}
