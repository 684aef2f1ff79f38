import TrustPathAnalysis
import TrustPathModel

/// Makes the report value out of an analysis: the only place reports meet the analysis.
public enum ReportBuilder {
    public static func build(_ result: AnalysisResult, vendorNames: [String: String] = [:]) -> Report {
        let snapshot = result.index.snapshot
        var names: [String: String] = vendorNames
        for (id, member) in snapshot.organization?.members ?? [:] {
            if let name = member.name { names[id] = name }
        }
        let info = SnapshotInfo(directory: snapshot.directory, organizationID: snapshot.organization?.id,
                                analyzedAccounts: snapshot.accounts.keys.sorted(),
                                trustedAccounts: snapshot.trustedAccounts.count, files: snapshot.files,
                                accountNames: names)
        return Report(snapshot: info, findings: result.findings, assumptions: result.assumptions,
                      diagnostics: result.diagnostics)
    }
}
