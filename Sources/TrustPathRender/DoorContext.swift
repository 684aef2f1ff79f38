import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel
import TrustPathReport

/// What the door diagrams need besides the doors: the hop details along their paths (the report keeps them on the
/// pairs), each drawn role's severity, the choke points, and the diagram file of each door. Built in one pass over
/// the pairs, keeping only what the drawn doors use.
struct DoorContext {
    private(set) var hops: [DetailedGraph.EdgeKey: Hop] = [:]
    private(set) var severities: [String: Severity] = [:]
    /// Choke points: the statements (role ARN, index) the report's minimum cut fixes.
    let chokePoints: Set<DoorKey>
    let names: DisplayNames
    /// Built once: it reads every pair, so one per door diagram would cost doors × pairs.
    let directory: AccountDirectory

    init(_ report: Report, doors: [ReportDoor], paths: Int) {
        names = DisplayNames(report)
        directory = AccountDirectory(report)
        chokePoints = Set(report.chokePoints.map { DoorKey(role: $0.role, statement: $0.statement.index) })
        var wanted: Set<DetailedGraph.EdgeKey> = []
        var roles: Set<String> = []
        for door in doors {
            for entry in door.entries { wanted.insert(.init(from: entry.id, to: door.role)) }
            roles.insert(door.role)
            for target in door.top.prefix(paths) {
                severities[target.target] = min(severities[target.target] ?? target.severity, target.severity)
                let roleChain = Array(target.path.dropFirst())
                roles.formUnion(roleChain)
                for (from, to) in zip(roleChain, roleChain.dropFirst()) { wanted.insert(.init(from: from, to: to)) }
            }
        }
        for finding in report.findings {
            if roles.contains(finding.target), severities[finding.target] == nil {
                severities[finding.target] = finding.severity
            }
            for hop in finding.hops {
                let key = DetailedGraph.EdgeKey(from: hop.from, to: hop.to)
                if hops[key] == nil, wanted.contains(key) { hops[key] = hop }
            }
        }
    }

    /// The hop of an entry into its door: the pair's recorded hop when it used the door's statement, else one made of
    /// what the door says about the entry.
    func entryHop(_ entry: DoorEntry, door: ReportDoor) -> Hop {
        if let hop = hops[.init(from: entry.id, to: door.role)], hop.statement?.index == door.statement { return hop }
        let reference = StatementReference(file: door.file, jsonPath: "", owner: door.role, index: door.statement, sid: door.sid)
        var hop = Hop(HopVerdict(actor: Entry(kind: entry.kind, id: entry.id).actor, target: door.role, state: entry.state,
                                 trustStatement: reference, restsOn: entry.restsOn, guardsMissing: entry.lacks))
        hop.from = entry.id
        return hop
    }

    func roleHop(from: String, to: String) -> Hop? { hops[.init(from: from, to: to)] }

    /// True when the hop's trust statement is one the choke points fix.
    func isChokePoint(_ hop: Hop?) -> Bool {
        guard let hop, let statement = hop.statement else { return false }
        return chokePoints.contains(DoorKey(role: hop.to, statement: statement.index))
    }

    /// Choke-point statements of a role, for its node.
    func chokeStatements(of role: String) -> [Int] {
        chokePoints.filter { $0.role == role }.map(\.statement).sorted()
    }

    /// What kind of wide trust let the hop through, when it was one: `"*"` limited to the organization, or an
    /// account's root (every principal of the account its policies allow).
    func trustScope(_ hop: Hop) -> String? {
        guard let principal = hop.matchedPrincipal else { return nil }
        if principal == "*" {
            let present = Set(hop.guardsPresent.map { $0.lowercased() })
            if present.contains("aws:principalorgid") { return "org-wide trust (PrincipalOrgID)" }
            if present.contains("aws:principalorgpaths") { return "org-wide trust (PrincipalOrgPaths)" }
            return nil
        }
        let account: String? = if let arn = ARN(principal), arn.resource == "root" {
            arn.account
        } else {
            isAccountID(principal) ? principal : nil
        }
        guard let account else { return nil }
        return "account-wide trust (root of \(names.account(account)))"
    }
}
