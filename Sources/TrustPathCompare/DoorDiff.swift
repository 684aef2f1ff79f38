import TrustPathAnalysis
import TrustPathReport

/// Two snapshots' doors compared by identity (role, statement): new, resolved, and changed ones.
public struct DoorDiff: Sendable, Codable, Hashable {
    /// A door in both snapshots whose severity, entries or what lies behind it changed.
    public struct Change: Sendable, Codable, Hashable {
        public var door: ReportDoor
        public var severityBefore: Severity
        public var behindBefore: [String: Int]
        public var entriesBefore: [String]
        public var worsened: Bool
    }

    /// In `after` only, ranked as reports rank doors.
    public var new: [ReportDoor]
    /// In `before` only, as they were.
    public var resolved: [ReportDoor]
    public var changed: [Change]
    public var unchanged: Int

    public init(before: [ReportDoor], after: [ReportDoor]) {
        let old = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let current = Set(after.map(\.id))
        new = after.filter { old[$0.id] == nil }
        resolved = before.filter { !current.contains($0.id) }
        changed = after.compactMap { door in
            guard let was = old[door.id] else { return nil }
            let entriesBefore = was.entries.map(\.id).sorted()
            guard was.severity != door.severity || was.behind != door.behind || entriesBefore != door.entries.map(\.id).sorted()
            else { return nil }
            return Change(door: door, severityBefore: was.severity, behindBefore: was.behind, entriesBefore: entriesBefore,
                          worsened: door.severity < was.severity
                              || door.behind.values.reduce(0, +) > was.behind.values.reduce(0, +))
        }
        unchanged = after.count - new.count - changed.count
    }
}
