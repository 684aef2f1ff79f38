import TrustPathAnalysis
import TrustPathEngine
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
        let plan = sources.map { $0.applied(to: plan, index: result.index) } ?? plan
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
            ReportDoor(id: door.key.description, role: door.key.role, account: door.account, statement: door.key.statement,
                       sid: door.statement.sid, file: door.statement.file,
                       region: sources?.region(of: door.statement, index: result.index), entries: door.entries,
                       severity: door.severity, severityReason: door.severityReason, category: door.category,
                       state: door.state, behind: Dictionary(uniqueKeysWithValues: door.behind.map { ($0.key.rawValue, $0.value) }),
                       top: door.top, fix: plan.doorFixes[door.key],
                       lastUsed: nil, diagram: diagrams[door.key].map(DoorDiagramName.reported),
                       expiredAcceptance: door.expiredAcceptance)
        }.map { door in
            var door = door
            guard let role = result.index.rolesByARN[door.role] else { return door }
            door.lastUsed = role.lastUsed.map { LastUsed(date: $0.day, region: $0.region) }
            door.mayDelete = role.lastUsed == nil && role.trustIsHandEditable
            door.permissionSet = role.isManagedByIdentityCenter ? role.identityCenterPermissionSet ?? role.name : nil
            if let statement = role.trustPolicy?.statements.first(where: { $0.index == door.statement }) {
                door.session = SessionFacts(statement: statement, role: role, chained: false)
            }
            if let trail = evidence?.index, let seen = EvidenceJoin.observed(door, in: trail, trusted: snapshot.trustedAccounts) {
                door.observedEntry = seen.entry
                door.observed = seen.seen
            }
            return door
        }
        var report = Report(snapshot: info, doors: doors, findings: plan.findings, fixes: plan.rankedFixes, chokePoints: plan.chokePoints,
                      chokePointSeverity: plan.chokeSeverity, uncuttableTargets: plan.uncuttableTargets,
                      assumptions: result.assumptions, diagnostics: result.diagnostics, suppressed: result.suppressed)
        report.coverage = Coverage(snapshot)
        report.coverage.placeholders = result.diagnostics.filter { $0.code == "placeholder-in-trust-policy" }
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
