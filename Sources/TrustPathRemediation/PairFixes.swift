import TrustPathAnalysis
import TrustPathEngine

/// Each pair's own fix: its entry statement closed for its entry alone. `check` shows one per statement and entry;
/// reports show the doors' fixes instead, so the plan does not hold these (a large organization has a hundred
/// thousand pairs and a few thousand doors).
public enum PairFixes {
    /// The fix of each finding, by finding id; findings whose entry hop has no trust statement have none.
    public static func make(_ result: AnalysisResult) -> [String: Fix] {
        let planner = FixPlanner(result)
        var fixes: [String: Fix] = [:]
        // Every finding through one entry statement from one entry gets the same fix: plan it once.
        var planned: [StatementReference: [Actor: Fix?]] = [:]
        for finding in result.findings {
            guard let statement = finding.hops.first?.statement else { continue }
            let actor = finding.entry.actor
            let fix = planned[statement]?[actor] ?? planner.fix(for: statement, closing: [actor])
            planned[statement, default: [:]][actor] = .some(fix)
            fixes[finding.id] = fix
        }
        return fixes
    }
}
