import TrustPathRemediation
import Foundation
import Testing
@testable import TrustPathAnalysis
import TrustPathEngine
import TrustPathReport

/// A small hand-built report for the diagram tests: independent of what the analyzer decides, and covering every
/// kind of entry, both hop states, a known vendor, a multi-hop chain through an org-wide trust, a cross-service
/// door, and choke points (a door, and a hop inside the organization).
enum RenderSamples {
    static let prod = "111111111111"
    static let data = "222222222222"
    static let outsider = "888888888888"
    static let vendor = "999999999999"
    static let github = "arn:aws:iam::\(prod):oidc-provider/token.actions.githubusercontent.com"

    static func role(_ name: String, _ account: String = prod) -> String { "arn:aws:iam::\(account):role/\(name)" }

    static func hop(_ from: String, _ to: String, state: HopState = .open, missing: [String] = [], weak: [String] = [],
                    restsOn: [String] = [], statement: Int = 0, identity: Bool = false, principal: String? = nil,
                    present: [String] = []) -> Hop {
        let actor: Actor = from.hasPrefix("arn:aws:iam::") && from.contains(":role/") ? .roleSession(from) : .anyone
        let reference = StatementReference(file: "gaad.json", jsonPath: "$.RoleDetailList[0].AssumeRolePolicyDocument.Statement[\(statement)]",
                                           owner: to, index: statement, sid: nil)
        var hop = Hop(HopVerdict(actor: actor, target: to, state: state, trustStatement: reference, matchedPrincipal: principal,
                                 identityRequired: identity, restsOn: restsOn, guardsPresent: present,
                                 guardsMissing: missing, weakGuards: weak))
        hop.from = from
        return hop
    }

    static func finding(_ entry: Entry, _ path: [String], _ hops: [Hop], severity: Severity, reason: String,
                        category: FindingCategory = .crossAccount, alternatives: [[String]] = []) -> Finding {
        let target = path.last ?? ""
        let state: HopState = hops.contains { $0.state == .conditional } ? .conditional : .open
        return Finding(id: Finding.identity(entry: entry, target: target), entry: entry, target: target,
                       targetAccount: String(target.split(separator: ":", omittingEmptySubsequences: false)[4]), targetRoleID: "AROA" + String(target.count),
                       severity: severity, severityReason: reason, category: category, state: state,
                       path: [entry.id] + path, hops: hops, alternatives: alternatives.map { [entry.id] + $0 })
    }

    static var findings: [Finding] {
        let anyone = Entry(kind: .public, id: "*")
        let federated = Entry(kind: .federated, id: github)
        let external = Entry(kind: .externalAccount, id: outsider)
        let datadog = Entry(kind: .externalAccount, id: vendor, name: "Datadog")
        let events = Entry(kind: .service, id: "events.amazonaws.com")
        let admin = role("OrgAdmin"), deployer = role("ci-deployer"), other = role("ci-other")
        let reader = role("AuditReader", data), integration = role("DatadogIntegration", data), invoker = role("events-invoker")
        return [
            finding(anyone, [admin], [hop("*", admin, missing: ["aws:PrincipalOrgID"])],
                    severity: .critical, reason: "administrator: allows every action"),
            finding(federated, [deployer, admin],
                    [hop(github, deployer, missing: ["token.actions.githubusercontent.com:sub"]),
                     hop(deployer, admin, statement: 1, identity: true, principal: "*", present: ["aws:PrincipalOrgID"])],
                    severity: .critical, reason: "administrator: allows every action", alternatives: [[other, admin]]),
            finding(federated, [deployer], [hop(github, deployer, missing: ["token.actions.githubusercontent.com:sub"])],
                    severity: .high, reason: "writes to iam:PassRole"),
            finding(external, [reader],
                    [hop(outsider, reader, state: .conditional, weak: ["StringLike sts:ExternalId \"*\""],
                         restsOn: ["aws:SourceIp in 203.0.113.0/24"])],
                    severity: .medium, reason: "reads s3:GetObject"),
            finding(datadog, [integration], [hop(vendor, integration, missing: ["sts:ExternalId"])],
                    severity: .low, reason: "no data or principal access"),
            finding(events, [invoker], [hop("events.amazonaws.com", invoker, missing: ["aws:SourceArn", "aws:SourceAccount"])],
                    severity: .high, reason: "writes to lambda:InvokeFunction", category: .crossService),
        ].sorted(by: Finding.ranked)
    }

    static func report(_ findings: [Finding] = findings, names: [String: String]? = nil,
                       chokePoints: [Fix] = chokePoints) -> Report {
        let info = SnapshotInfo(directory: "(test)", organizationID: "o-test12345", analyzedAccounts: [prod, data],
                                trustedAccounts: 2, files: [],
                                accountNames: names ?? [prod: "prod", data: "data", vendor: "Datadog"])
        return Report(snapshot: info, doors: doors(findings), findings: findings, chokePoints: chokePoints,
                      assumptions: [], diagnostics: [])
    }

    /// The smallest cut of the critical pairs: the public's door into OrgAdmin, and OrgAdmin's org-wide statement.
    static var chokePoints: [Fix] {
        [fix(role("OrgAdmin"), statement: 0), fix(role("OrgAdmin"), statement: 1)]
    }

    static func fix(_ role: String, statement: Int) -> Fix {
        let reference = StatementReference(file: "gaad.json", jsonPath: "$.RoleDetailList[0].AssumeRolePolicyDocument.Statement[\(statement)]",
                                           owner: role, index: statement, sid: nil)
        return Fix(id: "\(role)#\(statement)", kinds: [.addPrincipalOrgID], role: role, roleName: "x", statement: reference,
                   summary: "fix \(statement)", addConditions: [], removeConditionKeys: [], replacePrincipals: [], placeholders: [])
    }

    /// The doors of some findings, as the analysis makes them: grouped by the first hop's statement, the worst
    /// targets first, each with its pair's path; named as ReportBuilder names them.
    static func doors(_ findings: [Finding]) -> [ReportDoor] {
        var grouped: [DoorKey: [Finding]] = [:]
        for finding in findings { if let key = finding.door { grouped[key, default: []].append(finding) } }
        let names = DoorDiagramName.files(Array(grouped.keys))
        let doors = grouped.keys.sorted().map { key in
            let pairs = Finding.sortedByRank(grouped[key] ?? [])
            var entries: [DoorEntry] = []
            for pair in pairs where !entries.contains(where: { $0.id == pair.entry.id }) {
                let hop = pair.hops[0]
                entries.append(DoorEntry(id: pair.entry.id, kind: pair.entry.kind, name: pair.entry.name, state: hop.state,
                                         lacks: hop.guardsMissing, restsOn: hop.restsOn))
            }
            var behind: [String: Int] = [:]
            var top: [DoorTarget] = []
            for pair in pairs where !top.contains(where: { $0.target == pair.target }) {
                behind[pair.severity.rawValue, default: 0] += 1
                top.append(DoorTarget(target: pair.target, severity: pair.severity, severityReason: pair.severityReason,
                                      state: pair.state, path: pair.path))
            }
            let first = pairs[0]
            return ReportDoor(id: key.description, role: key.role, account: first.hops[0].to.split(separator: ":").map(String.init)[4],
                              statement: key.statement, sid: nil, file: "gaad.json", entries: entries,
                              severity: first.severity, severityReason: first.severityReason, category: first.category,
                              state: entries.map(\.state).min() ?? .open, behind: behind, top: top,
                              diagram: names[key].map(DoorDiagramName.reported))
        }
        return doors.sorted { ($0.severity.rank, $0.id) < ($1.severity.rank, $1.id) }
    }

    /// Every role name on the chains of the report's critical findings.
    static func criticalRoleNames(_ report: Report) -> Set<String> {
        Set(report.findings.filter { $0.severity == .critical }.flatMap { $0.path.dropFirst() }.map {
            String($0.split(separator: "/").last ?? "")
        })
    }
}

/// Golden DOT files in Tests/TrustPathTests/Fixtures/render, read through the test bundle. A missing golden
/// file is written beside the tests and the test fails, so nobody records one by accident; set
/// TRUSTPATH_RECORD=1 to rewrite them on purpose (the tests still fail that run).
/// Golden DOT files live in Fixtures/render.
enum RenderGolden {
    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.assertMatches(actual, named: name, in: "render", sourceLocation: sourceLocation)
    }
}

/// A directory under the system's temporary folder, removed when the value is released.
final class RenderTemporaryDirectory: @unchecked Sendable {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("trustpath-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
