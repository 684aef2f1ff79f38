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
    /// How many of the worst targets each door shows with a path.
    public var doorTopCount = 5
    /// The smallest target set walks expand as its group less a few roles (`RoleGraph`); tests compare both ways.
    var smallestBasedSet = 32
    /// The smallest strongly connected component whose reach doors' counts share (`SharedReach`); tests vary it.
    var smallestSharedComponent = 32

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
    /// The doors, ranked: severity, then entry exposure, then roles behind, then path length.
    public var doors: [Door]
    /// Every reachable (entry, role) pair, ranked.
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
    /// What lies behind each role, walked once per role for the doors and kept for remediation.
    public var reach: RoleReach
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
        let severities = SeverityCache(index: index, crownJewels: options.config.crownJewels)
        let entries = actors.map { Entry($0, name: vendorName($0, options)) ?? Entry(kind: .public, id: "*") }
        // An outside account passing a trust of `*` is listed under the public entry, not as an entry of its own.
        let publicStatements = graph.publicStatements
        // Every entry's first hops (judged on every core), then everything behind those that chain, in flat arrays;
        // then each role any entry reaches judged once.
        let threshold = options.parallel ? 2 : Int.max
        let firstHops = orderedConcurrentMap(actors.count, threshold: threshold) { graph.bundles(from: actors[$0]) }
        let starts = zip(actors, firstHops).flatMap { actor, bundles in
            actor.chainsOnward ? bundles.flatMap { $0.targetNumbers } : []
        }
        let roles = RoleGraph(graph: graph, starts: starts, parallel: options.parallel, smallestBased: options.smallestBasedSet)
        let table = SeverityTable(numbers: roles.reached + firstHops.flatMap { $0.flatMap { $0.targetNumbers } }, index: index,
                                  severities: severities, parallel: options.parallel)
        let layers = ScratchPool { PathSearch.Layers(roles: roles, maxPaths: options.maxPaths) }

        @Sendable func search(_ position: Int) -> [Finding] {
            let actor = actors[position]
            let entry = entries[position]
            var findings: [Finding] = []
            var search = PathSearch(graph: graph, roles: roles, entry: actor, maxPaths: options.maxPaths)
            if entry.kind == .externalAccount { search.skippedStatements = publicStatements }
            for reached in layers.with({ search.run(first: firstHops[position], open: $0.open, any: $0.any) }) {
                guard let role = index.rolesByARN[reached.target], let judged = table[reached.number] else { continue }
                findings.append(Finding(
                    id: Finding.identity(entry: entry, target: reached.target), entry: entry, target: reached.target,
                    targetAccount: role.account, targetRoleID: role.roleID, severity: judged.severity,
                    severityReason: judged.reason, category: entry.kind == .service ? .crossService : .crossAccount,
                    state: reached.state, path: [entry.id] + (reached.paths.first ?? []), hops: reached.hops,
                    alternatives: reached.paths.dropFirst().map { [entry.id] + $0 }, crownJewel: judged.crownJewel,
                    lastUsed: role.lastUsed.map { LastUsed(date: $0.day, region: $0.region) }))
            }
            return findings
        }
        var found = orderedConcurrentMap(actors.count, threshold: threshold, search).flatMap { $0 }
        VendorNotes.apply(&found)
        Finding.sortByRank(&found)
        let (findings, suppressed) = AcceptedRisks.apply(found, risks: options.config.acceptedRisks,
                                                         today: options.today)
        options.progress?("finding the doors…")
        let reach = RoleReach(roles: roles, index: index)
        let doors = AcceptedRisks.apply(
            findDoors(entries: actors.compactMap { Entry($0, name: vendorName($0, options)) }, graph: graph, reach: reach,
                      index: index, severities: severities, table: table, publicStatements: publicStatements, options: options),
            kept: findings, suppressed: suppressed)
        return AnalysisResult(doors: doors, findings: findings,
                              entries: actors.compactMap { Entry($0, name: vendorName($0, options)) },
                              diagnostics: (snapshot.diagnostics + index.diagnostics).sorted(),
                              assumptions: assumptions(index), index: index, graph: graph,
                              actors: actors.filter { $0.entryKind != nil }, reach: reach, suppressed: suppressed)
    }

    /// Every door, ranked; the walks behind them run on every core.
    private static func findDoors(entries: [Entry], graph: AttackGraph, reach: RoleReach, index: SnapshotIndex, severities: SeverityCache,
                                  table: SeverityTable, publicStatements: Set<StatementReference>,
                                  options: AnalysisOptions) -> [Door] {
        let (byDoor, alsoPassing) = DoorFinder.passages(entries: entries, graph: graph, publicStatements: publicStatements)
        let keys = byDoor.keys.sorted()
        let shared = SharedReach(roles: reach.roles, ranks: table.ranks, rankCount: Severity.allCases.count,
                                 smallest: options.smallestSharedComponent)
        let finder = DoorFinder(index: index, severities: severities, table: table, reach: reach, shared: shared,
                                topCount: max(1, options.doorTopCount))
        let marks = ScratchPool { reach.makeMarks() }
        let doors = orderedConcurrentMap(keys.count, threshold: options.parallel ? 16 : Int.max) { position in
            marks.with { marks in
                finder.door(keys[position], passages: byDoor[keys[position]] ?? [], alsoPassing: alsoPassing[keys[position]] ?? [],
                            marks: marks)
            }
        }
        return doors.compactMap { $0 }.sorted(by: Door.ranked)
    }

    /// A known vendor's name, or a known OIDC issuer's ("GitHub Actions").
    private static func vendorName(_ actor: Actor, _ options: AnalysisOptions) -> String? {
        switch actor {
        case .externalAccount(let id): options.vendorNames[id]
        case .federated(let issuer): FederatedProvider(issuer).knownIssuer?.name
        default: nil
        }
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
