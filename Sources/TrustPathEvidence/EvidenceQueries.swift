/// A hop the analysis admits: `caller` (an entry id or a role ARN) can obtain `role`.
public struct AdmittedHop: Sendable, Hashable {
    public var caller: String
    public var role: String

    public init(caller: String, role: String) {
        self.caller = caller
        self.role = role
    }
}

extension CloudTrailIndex {
    /// How often the entry `entry` was seen obtaining `role`: callers whose id is the entry, or who belong to the
    /// entry's account (an outside account's users and role sessions are that account). With `matches`, the caller
    /// decides (for the public entry `*`, say, any outside principal).
    public func entryObservation(entry: String, role: String, matches: ((Caller) -> Bool)? = nil) -> Observation? {
        let test = matches ?? { $0.id == entry || ($0.isAWSPrincipal && $0.account == entry) }
        return callers(of: role).filter { test($0.caller) }.map(\.observation).reduce(nil) { $0?.merged(with: $1) ?? $1 }
    }

    /// The trail's evidence that a path [entry id, role 1, role 2, …] was used: the first hop by the entry itself,
    /// each later hop by a session of the role before it. nil unless every hop was seen. The count is the least
    /// of the hops' counts, `firstSeen` the first hop's first, `lastSeen` the last hop's last. The trail cannot
    /// tie one session to the next, so this says every hop was used, not that one person walked them in a row.
    public func pathObservation(_ path: [String], entryMatches: ((Caller) -> Bool)? = nil) -> Observation? {
        guard path.count >= 2,
              let first = entryObservation(entry: path[0], role: path[1], matches: entryMatches) else { return nil }
        var count = first.count
        var last = first
        for position in 1..<(path.count - 1) {
            guard let hop = byRoleSession(path[position], role: path[position + 1]) else { return nil }
            count = min(count, hop.count)
            last = hop
        }
        return Observation(count: count, firstSeen: first.firstSeen, lastSeen: last.lastSeen)
    }

    /// A hop by a session of `sessionRole` (exactly that role, not another session of its account).
    private func byRoleSession(_ sessionRole: String, role: String) -> Observation? {
        callers(of: role).first { $0.caller.kind == .roleSession && $0.caller.id == sessionRole }?.observation
    }

    /// The assumptions the analysis cannot explain: callers `isOutside` says are outside who obtained a role
    /// through no admitted hop. A hop admitted for the caller itself, for its account, or — for AWS principals —
    /// for the public (`*`) explains it. Any left means the snapshot is stale or the model has a hole.
    public func unexplained(admitted: Set<AdmittedHop>, isOutside: (Caller) -> Bool) -> [ObservedAssumption] {
        assumptions.filter { assumption in
            guard isOutside(assumption.caller) else { return false }
            let role = assumption.role
            let caller = assumption.caller
            if admitted.contains(AdmittedHop(caller: caller.id, role: role)) { return false }
            if let account = caller.account, admitted.contains(AdmittedHop(caller: account, role: role)) { return false }
            if caller.isAWSPrincipal, admitted.contains(AdmittedHop(caller: "*", role: role)) { return false }
            return true
        }
    }

    /// `unexplained(admitted:isOutside:)` where outside means an AWS principal of an account not in `trustedAccounts`.
    /// Identity providers and services are left to the closure form: a pinned trust admits no entry yet its use is expected.
    public func unexplained(admitted: Set<AdmittedHop>, trustedAccounts: Set<String>) -> [ObservedAssumption] {
        unexplained(admitted: admitted) { $0.isOutside(trustedAccounts: trustedAccounts) }
    }
}
