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

    /// The report of an analysis, its remediation plan and, when the input files were read, where things are in them.
    public static func build(_ result: AnalysisResult, plan: RemediationPlan, sources: SourceIndex? = nil,
                             evidence: EvidenceInput? = nil, vendorNames: [String: String] = [:]) -> Report {
        let plan = sources.map { $0.applied(to: plan) } ?? plan
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
        let diagrams = DoorDiagramName.files(result.doors.map(\.key))
        let doors = result.doors.map { door in
            ReportDoorBuilder.door(door, index: result.index, fix: plan.doorFixes[door.key],
                                   region: sources?.region(of: door.statement, index: result.index),
                                   diagram: diagrams[door.key].map(DoorDiagramName.reported), trail: evidence?.index)
        }
        var report = Report(snapshot: info, doors: doors, findings: plan.findings, fixes: plan.rankedFixes, chokePoints: plan.chokePoints,
                      chokePointSeverity: plan.chokeSeverity, uncuttableTargets: plan.uncuttableTargets,
                      assumptions: result.assumptions, diagnostics: result.diagnostics, suppressed: result.suppressed)
        report.coverage = Coverage(snapshot)
        report.coverage.placeholders = result.diagnostics.filter { $0.code == PlaceholderCheck.code }
        if let evidence {
            report.evidence = EvidenceSummary(statistics: evidence.index.statistics,
                                              unexplained: EvidenceJoin.unexplained(doors, in: evidence.index,
                                                                                    trusted: snapshot.trustedAccounts))
            report.pairObservations = EvidenceJoin.observedPairs(plan.findings, in: evidence.index,
                                                                 trusted: snapshot.trustedAccounts)
            report.diagnostics = (report.diagnostics + evidence.diagnostics).sorted()
        }
        report.ownIdentityProviders = result.index.samlProviders().map { OwnIdentityProvider(provider: $0.provider, roles: $0.roles) }
        return report
    }
}
