import Foundation
import TrustPathEngine
import TrustPathModel

/// Options of one analysis run.
public struct AnalysisOptions: Sendable {
    /// How many chains each finding reports (the shortest, plus alternatives of the same length).
    public var maxPaths: Int
    /// Names of known vendor accounts, by account id.
    public var vendorNames: [String: String]
    /// Crown jewels and accepted risks of the project file (its vendors and accounts are applied elsewhere).
    public var config: ProjectConfig
    /// `YYYY-MM-DD` (UTC) that accepted risks are judged against.
    public var today: String
    /// Told what the run is doing, for progress on a terminal.
    public var progress: (@Sendable (String) -> Void)?
    /// Search from the entries on every core; false searches one entry after another (results are the same).
    public var parallel: Bool

    public init(maxPaths: Int = 3, vendorNames: [String: String] = [:], config: ProjectConfig = ProjectConfig(),
                today: String = AnalysisOptions.currentDate(), progress: (@Sendable (String) -> Void)? = nil,
                parallel: Bool = true) {
        self.maxPaths = max(1, maxPaths)
        self.vendorNames = vendorNames
        self.config = config
        self.today = today
        self.progress = progress
        self.parallel = parallel
    }

    /// Today in UTC as `YYYY-MM-DD`.
    public static func currentDate() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}

/// Everything an analysis found, before any report is made of it.
public struct AnalysisResult: Sendable {
    public var findings: [Finding]
    public var entries: [Entry]
    public var diagnostics: [Diagnostic]
    /// What the analysis assumed for lack of input (no SCPs, no Organizations data, …).
    public var assumptions: [String]
    public var index: SnapshotIndex
    /// The graph the search walked, with its edges cached: later stages (remediation, explain) reuse it.
    public var graph: AttackGraph
    /// The entries as the engine names them, in the order of `entries`.
    public var actors: [Actor]
    /// Findings an unexpired accepted risk hides, ranked.
    public var suppressed: [SuppressedFinding] = []
}

/// Runs the search from every entry and turns each reachable (entry, role) pair into a finding.
public enum Analyzer {
    public static func analyze(_ snapshot: Snapshot, options: AnalysisOptions = AnalysisOptions()) -> AnalysisResult {
        analyze(index: SnapshotIndex(snapshot), options: options)
    }

    /// The same, from an index already built (the benchmark times the index on its own).
    public static func analyze(index: SnapshotIndex, options: AnalysisOptions = AnalysisOptions()) -> AnalysisResult {
        let snapshot = index.snapshot
        let graph = AttackGraph(index: index)
        let actors = EntryDiscovery.entries(in: index)
        options.progress?("searching \(actors.count) entries…")
        let severities = SeverityCache(index: index)

        @Sendable func search(_ position: Int) -> [Finding] {
            let actor = actors[position]
            let entry = Entry(actor, name: vendorName(actor, options)) ?? Entry(kind: .public, id: "*")
            var findings: [Finding] = []
            for (target, state, chains) in PathSearch(graph: graph, entry: actor, maxPaths: options.maxPaths).run() {
                guard let role = index.rolesByARN[target], let chain = chains.first else { continue }
                let severity = severities.severity(of: role)
                findings.append(Finding(
                    id: Finding.identity(entry: entry, target: target), entry: entry, target: target,
                    targetAccount: role.account, targetRoleID: role.roleID, severity: severity.0,
                    severityReason: severity.1, category: entry.kind == .service ? .crossService : .crossAccount,
                    state: state, path: [entry.id] + chain.map(\.target), hops: chain.map(Hop.init),
                    alternatives: chains.dropFirst().map { [entry.id] + $0.map(\.target) }))
            }
            return findings
        }
        let found = orderedConcurrentMap(actors.count, threshold: options.parallel ? 2 : .max, search).flatMap { $0 }
        // Order matters: crown jewels change severity, which accepted risks and ranking then see.
        let raised = VendorNotes.apply(CrownJewels.apply(found, rules: options.config.crownJewels, index: index))
        let (findings, suppressed) = AcceptedRisks.apply(Finding.sortedByRank(raised), risks: options.config.acceptedRisks,
                                                         today: options.today)
        return AnalysisResult(findings: findings,
                              entries: actors.compactMap { Entry($0, name: vendorName($0, options)) },
                              diagnostics: (snapshot.diagnostics + index.diagnostics + PlaceholderCheck.diagnostics(snapshot)).sorted(),
                              assumptions: assumptions(index), index: index, graph: graph,
                              actors: actors.filter { $0.entryKind != nil }, suppressed: suppressed)
    }

    private static func vendorName(_ actor: Actor, _ options: AnalysisOptions) -> String? {
        if case .externalAccount(let id) = actor { return options.vendorNames[id] }
        return nil
    }

    static func assumptions(_ index: SnapshotIndex) -> [String] {
        var notes: [String] = []
        if index.snapshot.organization == nil {
            notes.append("No Organizations data: the \(index.trustedAccounts.count) analyzed accounts are the trusted set, "
                + "and aws:PrincipalOrgID conditions on role sessions are unknown (hops resting on them are conditional).")
        }
        if !index.hasOrganizationPolicies(.serviceControl) {
            notes.append("No SCPs given: callers inside the organization are limited only by their identity policies and boundaries.")
        }
        if !index.hasOrganizationPolicies(.resourceControl) {
            notes.append("No RCPs given: nothing beyond trust policies limits who can assume roles from outside.")
        }
        let membersWithoutData = index.trustedAccounts.subtracting(index.snapshot.accounts.keys)
        if !membersWithoutData.isEmpty {
            notes.append("\(membersWithoutData.count) organization member account(s) have no export: chains through their roles cannot be seen.")
        }
        return notes
    }
}
