import TrustPathEngine
import TrustPathModel

/// A finding hidden by an accepted risk: kept, counted and listed in reports, never silently dropped.
public struct SuppressedFinding: Sendable, Hashable, Codable {
    public var finding: Finding
    public var reason: String
    public var expires: String

    public init(finding: Finding, reason: String, expires: String) {
        self.finding = finding
        self.reason = reason
        self.expires = expires
    }
}

/// An accepted risk whose date has passed: the finding is back in the main list, flagged.
public struct ExpiredAcceptance: Sendable, Hashable, Codable {
    public var reason: String
    public var expired: String

    public init(reason: String, expired: String) {
        self.reason = reason
        self.expired = expired
    }
}

/// Splits findings into those reported and those an unexpired accepted risk covers. An acceptance holds through
/// its expiry day; from the next day the finding returns, marked expired, so an old decision gets looked at again.
enum AcceptedRisks {
    static func apply(_ findings: [Finding], risks: [AcceptedRisk], today: String) -> (kept: [Finding], suppressed: [SuppressedFinding]) {
        guard !risks.isEmpty else { return (findings, []) }
        var kept: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        for finding in findings {
            let matching = risks.filter { matches($0, finding) }
            if let active = matching.filter({ $0.expires >= today }).max(by: { $0.expires < $1.expires }) {
                suppressed.append(SuppressedFinding(finding: finding, reason: active.reason, expires: active.expires))
            } else if let lapsed = matching.max(by: { $0.expires < $1.expires }) {
                var flagged = finding
                flagged.expiredAcceptance = ExpiredAcceptance(reason: lapsed.reason, expired: lapsed.expires)
                kept.append(flagged)
            } else {
                kept.append(finding)
            }
        }
        return (kept, suppressed)
    }

    /// Doors through which every pair is hidden by an accepted risk are hidden too; a door through which a pair
    /// whose acceptance expired comes is flagged.
    static func apply(_ doors: [Door], kept: [Finding], suppressed: [SuppressedFinding]) -> [Door] {
        guard !suppressed.isEmpty || kept.contains(where: { $0.expiredAcceptance != nil }) else { return doors }
        let open = Set(kept.compactMap(\.door))
        let hidden = Set(suppressed.compactMap(\.finding.door)).subtracting(open)
        var expired: [DoorKey: ExpiredAcceptance] = [:]
        for finding in kept {
            if let door = finding.door, let lapsed = finding.expiredAcceptance, expired[door] == nil { expired[door] = lapsed }
        }
        return doors.filter { !hidden.contains($0.key) }.map { door in
            var flagged = door
            flagged.expiredAcceptance = expired[door.key]
            return flagged
        }
    }

    /// Entry patterns match the entry id, or a vendor's name; target patterns match the role ARN.
    static func matches(_ risk: AcceptedRisk, _ finding: Finding) -> Bool {
        let entryMatches = Wildcard.matches(risk.entry, finding.entry.id, ignoringCase: true)
            || finding.entry.name.map { Wildcard.matches(risk.entry, $0, ignoringCase: true) } == true
        return entryMatches && Wildcard.matches(risk.target, finding.target)
    }
}
