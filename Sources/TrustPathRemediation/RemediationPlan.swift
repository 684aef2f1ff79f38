import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// A fix with what it removes, for ranking.
public struct RankedFix: Sendable, Codable, Hashable {
    public var fix: Fix
    /// Findings it removes, counted by severity.
    public var removes: [String: Int]
    /// The ids of the findings it removes.
    public var removedFindings: [String]
    /// Weighted count: a critical finding outweighs any number of lower ones up to 10 each way (1000/100/10/1).
    public var score: Int
}

/// The remediation of one analysis: each finding's fix, every fix ranked by what it removes, and the choke points.
public struct RemediationPlan: Sendable {
    /// The pairs.
    public var findings: [Finding]
    /// The doors' statements: where the source stage finds lines for reports that point at text.
    public var doorStatements: [StatementReference]
    /// Each door's fix: closes the door for every entry that passes it.
    public var doorFixes: [DoorKey: Fix]
    public var rankedFixes: [RankedFix]
    /// A minimum set of trust-statement fixes that removes every finding at or above `chokeSeverity`.
    public var chokePoints: [Fix]
    public var chokeSeverity: Severity
    /// Targets at or above `chokeSeverity` that no trust fix can cut off.
    public var uncuttableTargets: [String]

    /// No remediation: for commands that show no fix (`explain`).
    public static func none(_ result: AnalysisResult) -> RemediationPlan {
        RemediationPlan(findings: result.findings, doorStatements: result.doors.map(\.statement), doorFixes: [:], rankedFixes: [],
                        chokePoints: [], chokeSeverity: .critical, uncuttableTargets: [])
    }

    public static func make(_ result: AnalysisResult, chokeSeverity: Severity = .critical) -> RemediationPlan {
        let planner = FixPlanner(result)
        let edges = AttackEdges(result)
        let findings = result.findings
        var doorFixes: [DoorKey: Fix] = [:]
        for door in result.doors {
            let actors = door.entries.map { Entry(kind: $0.kind, id: $0.id, name: $0.name).actor }
            doorFixes[door.key] = planner.fix(for: door.statement, closing: actors)
        }
        // By position: reading two fields of a finding in place, not copying a hundred thousand findings whole.
        var targets: Set<String> = []
        var severityByID: [String: Severity] = [:]
        severityByID.reserveCapacity(findings.count)
        for position in findings.indices {
            if findings[position].severity <= chokeSeverity { targets.insert(findings[position].target) }
            if severityByID[findings[position].id] == nil { severityByID[findings[position].id] = findings[position].severity }
        }
        let severities = severityByID
        let solution = ChokePointSolver.solve(edges, targets: targets, planner: planner)
        // The candidates are the doors' fixes and the choke points; what each removes comes from each entry's dominator
        // tree (`FixImpact`), one pass over each entry's graph for all of them.
        let fixes = Array(Set(doorFixes.values).union(solution.fixes)).sorted()
        let impact = FixImpact.removedPairs(edges, fixes: fixes)
        @Sendable func rank(_ position: Int) -> RankedFix {
            let fix = fixes[position]
            let removed = impact[position].filter { severities[$0] != nil }.sorted()
            var counts: [String: Int] = [:]
            for id in removed { counts[severities[id]?.rawValue ?? "low", default: 0] += 1 }
            let score = removed.reduce(0) { total, id in total + weight(severities[id] ?? .low) }
            return RankedFix(fix: fix, removes: counts, removedFindings: removed, score: score)
        }
        // Threads only when there are many fixes to rank.
        let ranked = orderedConcurrentMap(fixes.count, threshold: 64, rank).sorted { ($0.score, $1.fix.id) > ($1.score, $0.fix.id) }
        return RemediationPlan(findings: findings, doorStatements: result.doors.map(\.statement), doorFixes: doorFixes, rankedFixes: ranked,
                               chokePoints: solution.fixes, chokeSeverity: chokeSeverity, uncuttableTargets: solution.uncuttableTargets)
    }

    static func weight(_ severity: Severity) -> Int {
        switch severity {
        case .critical: 1000
        case .high: 100
        case .medium: 10
        case .low: 1
        }
    }
}
