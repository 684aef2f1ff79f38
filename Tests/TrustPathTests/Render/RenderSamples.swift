import Foundation
import Testing
@testable import TrustPathAnalysis
import TrustPathEngine
import TrustPathReport

/// A small hand-built report for the diagram tests: independent of what the analyzer decides, and covering every
/// kind of entry, both hop states, a known vendor, a multi-hop chain with an alternative, and a cross-service finding.
enum RenderSamples {
    static let prod = "111111111111"
    static let data = "222222222222"
    static let outsider = "888888888888"
    static let vendor = "999999999999"
    static let github = "arn:aws:iam::\(prod):oidc-provider/token.actions.githubusercontent.com"

    static func role(_ name: String, _ account: String = prod) -> String { "arn:aws:iam::\(account):role/\(name)" }

    static func hop(_ from: String, _ to: String, state: HopState = .open, missing: [String] = [], weak: [String] = [],
                    restsOn: [String] = [], statement: Int = 0, identity: Bool = false) -> Hop {
        let actor: Actor = from.hasPrefix("arn:aws:iam::") && from.contains(":role/") ? .roleSession(from) : .anyone
        let reference = StatementReference(file: "gaad.json", jsonPath: "$.RoleDetailList[0].AssumeRolePolicyDocument.Statement[\(statement)]",
                                           owner: to, index: statement, sid: nil)
        var hop = Hop(HopVerdict(actor: actor, target: to, state: state, trustStatement: reference,
                                 identityRequired: identity, restsOn: restsOn, guardsMissing: missing, weakGuards: weak))
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
                     hop(deployer, admin, statement: 1, identity: true)],
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

    static func report(_ findings: [Finding] = findings, names: [String: String]? = nil) -> Report {
        let info = SnapshotInfo(directory: "(test)", organizationID: "o-test12345", analyzedAccounts: [prod, data],
                                trustedAccounts: 2, files: [],
                                accountNames: names ?? [prod: "prod", data: "data", vendor: "Datadog"])
        return Report(snapshot: info, findings: findings, assumptions: [], diagnostics: [])
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
