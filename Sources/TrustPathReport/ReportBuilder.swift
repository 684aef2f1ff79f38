import TrustPathAnalysis
import TrustPathModel
import TrustPathRemediation

/// Makes the report value out of an analysis: the only place reports meet the analysis.
public enum ReportBuilder {
    /// The report of an analysis with its remediation; choke points cut every finding at or above `chokeSeverity`.
    public static func build(_ result: AnalysisResult, vendorNames: [String: String] = [:],
                             chokeSeverity: Severity = .critical) -> Report {
        build(result, plan: RemediationPlan.make(result, chokeSeverity: chokeSeverity), vendorNames: vendorNames)
    }

    public static func build(_ result: AnalysisResult, plan: RemediationPlan, vendorNames: [String: String] = [:]) -> Report {
        let snapshot = result.index.snapshot
        var names: [String: String] = vendorNames
        for entry in result.entries { if let name = entry.name { names[entry.id] = name } }
        for (id, member) in snapshot.organization?.members ?? [:] {
            if let name = member.name { names[id] = name }
        }
        let info = SnapshotInfo(directory: snapshot.directory, organizationID: snapshot.organization?.id,
                                analyzedAccounts: snapshot.accounts.keys.sorted(),
                                trustedAccounts: snapshot.trustedAccounts.count, files: snapshot.files,
                                accountNames: names)
        return Report(snapshot: info, findings: plan.findings, fixes: plan.rankedFixes, chokePoints: plan.chokePoints,
                      chokePointSeverity: plan.chokeSeverity, uncuttableTargets: plan.uncuttableTargets,
                      assumptions: result.assumptions, diagnostics: result.diagnostics, suppressed: result.suppressed)
    }
}
