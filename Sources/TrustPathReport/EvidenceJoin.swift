import TrustPathAnalysis
import TrustPathEvidence
import TrustPathModel

/// What a CloudTrail trail shows of a report's doors and pairs: the report builder's join with the evidence stage.
enum EvidenceJoin {
    /// The door's use: any of its entries seen obtaining its role (for the public entry, any principal outside).
    static func observed(_ door: ReportDoor, in trail: CloudTrailIndex, trusted: Set<String>) -> (entry: String, seen: Observation)? {
        var best: (String, Observation)?
        for entry in door.entries {
            let matches: ((Caller) -> Bool)? = entry.kind == .public ? { $0.isOutside(trustedAccounts: trusted) } : nil
            guard let seen = trail.entryObservation(entry: entry.id, role: door.role, matches: matches) else { continue }
            best = best.map { ($0.0, $0.1.merged(with: seen)) } ?? (entry.id, seen)
        }
        return best
    }

    /// Each pair whose every hop the trail shows used, by pair id.
    static func observedPairs(_ findings: [Finding], in trail: CloudTrailIndex, trusted: Set<String>) -> [String: Observation] {
        var observed: [String: Observation] = [:]
        for finding in findings {
            let matches: ((Caller) -> Bool)? = finding.entry.kind == .public ? { $0.isOutside(trustedAccounts: trusted) } : nil
            if let seen = trail.pathObservation(finding.path, entryMatches: matches) { observed[finding.id] = seen }
        }
        return observed
    }

    /// Outside principals who obtained a role through no door the analysis found.
    static func unexplained(_ doors: [ReportDoor], in trail: CloudTrailIndex, trusted: Set<String>) -> [ObservedAssumption] {
        var admitted: Set<AdmittedHop> = []
        for door in doors {
            for entry in door.entries {
                admitted.insert(AdmittedHop(caller: entry.id, role: door.role))
                for account in entry.alsoPassing { admitted.insert(AdmittedHop(caller: account, role: door.role)) }
            }
        }
        return trail.unexplained(admitted: admitted, trustedAccounts: trusted)
    }
}

/// The evidence stage's value: a CloudTrail trail read into an index, and what was wrong with its files.
public struct EvidenceInput: Sendable {
    public var index: CloudTrailIndex
    public var diagnostics: [Diagnostic]

    public init(index: CloudTrailIndex, diagnostics: [Diagnostic]) {
        self.index = index
        self.diagnostics = diagnostics
    }
}

/// What the report says of a trail: how much was read, and the assumptions no door explains.
public struct EvidenceSummary: Sendable, Codable, Hashable {
    public var statistics: ReadStatistics
    /// Outside principals that obtained a role through no door the analysis found: the snapshot is stale, or the
    /// model has a hole.
    public var unexplained: [ObservedAssumption]

    public init(statistics: ReadStatistics, unexplained: [ObservedAssumption]) {
        self.statistics = statistics
        self.unexplained = unexplained
    }
}
