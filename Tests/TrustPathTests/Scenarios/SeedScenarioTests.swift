import Testing
import TrustPathAnalysis
import TrustPathEngine

/// The seed documents' scenarios, end to end on the demo snapshots in Inputs/.
@Suite("Seed scenarios")
struct SeedScenarioTests {
    let partner = "307946673750"
    let monitoringCo = "283745091623"
    let poc = "arn:aws:iam::381491851702:role/STS-Assume-S3-Read-Only-POC"
    let mgmt = "arn:aws:iam::401135408972:role/STS-Assume-S3-Read-Only-MGMT"
    let monitoringRole = "arn:aws:iam::520388146927:role/MonitoringCoReadOnly"
    let deployAdmin = "arn:aws:iam::520388146927:role/OrgDeployAdmin"

    func finding(_ result: AnalysisResult, _ entry: String, _ target: String) -> Finding? {
        result.findings.first { $0.entry.id == entry && $0.target == target }
    }

    @Test func seed000PartnerReachesMgmtThroughPoc() throws {
        let result = try Demo.analyze(Demo.october)
        let chain = try #require(finding(result, partner, mgmt))
        #expect(chain.path == [partner, poc, mgmt])
        #expect(chain.hops[0].guardsMissing == ["sts:ExternalId"])
        #expect(chain.hops[1].identityRequired)
        #expect(chain.severity == .medium)
    }

    @Test func seed000ExternalIdOnMgmtClosesTheChainButNotTheFirstHop() throws {
        let result = try Demo.analyze(Demo.november)
        #expect(finding(result, partner, mgmt) == nil)
        #expect(finding(result, partner, poc) != nil)
        let evaluator = HopEvaluator(index: result.index)
        let verdict = evaluator.evaluate(.roleSession(poc), to: mgmt)
        #expect(verdict.state == .closed)
        #expect(verdict.reasons.contains { $0.contains("sts:ExternalId") })
    }

    @Test func monitoringCoVendorWithAndWithoutExternalId() throws {
        let before = try Demo.analyze(Demo.october)
        let open = try #require(finding(before, monitoringCo, monitoringRole))
        #expect(open.entry.kind == .externalAccount)
        #expect(open.hops[0].guardsMissing == ["sts:ExternalId"])
        let after = try Demo.analyze(Demo.november)
        #expect(finding(after, monitoringCo, monitoringRole) == nil)
        #expect(HopEvaluator(index: after.index).evaluate(.externalAccount(monitoringCo), to: monitoringRole).state == .closed)
    }

    @Test func chainEntersWithoutExternalIdThenPassesAnOrgWideTrust() throws {
        let result = try Demo.analyze(Demo.october)
        let chain = try #require(finding(result, monitoringCo, deployAdmin))
        #expect(chain.path == [monitoringCo, monitoringRole, deployAdmin])
        #expect(chain.severity == .critical)
        #expect(chain.hops[1].guardsPresent == ["aws:PrincipalOrgID"])
        #expect(HopEvaluator(index: result.index).evaluate(.externalAccount(monitoringCo), to: deployAdmin).state == .closed)
    }

    @Test func openGitHubFederationReachesTheAdminRole() throws {
        let result = try Demo.analyze(Demo.october)
        let chain = try #require(result.findings.first { $0.entry.kind == .federated && $0.target == deployAdmin })
        #expect(chain.path.count == 3)
        #expect(chain.hops[0].guardsMissing == ["token.actions.githubusercontent.com:sub"])
    }

    @Test func guardedTrustsAreNotFindings() throws {
        let result = try Demo.analyze(Demo.october)
        let targets = Set(result.findings.map(\.target))
        for name in ["ExampleCorpCostOptimizer", "ci-infra-pinned", "eventbridge-invoke-sfn", "poc-lambda-exec",
                     "AWSServiceRoleForOrganizations", "app-ec2-instance"] {
            #expect(!targets.contains { $0.hasSuffix("/" + name) }, "\(name) must not be a finding")
        }
    }

    /// Doors and pairs by severity (critical, high, medium, low), as the README's demo section states them.
    @Test func demoCountsMatchTheReadme() throws {
        let october = try Demo.analyze(Demo.october)
        let november = try Demo.analyze(Demo.november)
        func counts(_ severities: [Severity]) -> [Int] { Severity.allCases.map { severity in severities.filter { $0 == severity }.count } }
        #expect(counts(october.doors.map(\.severity)) == [2, 1, 2, 1])
        #expect(counts(october.findings.map(\.severity)) == [2, 2, 6, 1])
        #expect(counts(november.doors.map(\.severity)) == [2, 2, 1, 1])
        #expect(counts(november.findings.map(\.severity)) == [3, 5, 3, 1])
    }

    @Test func everyDemoPathIsARealChain() throws {
        for name in [Demo.october, Demo.november] {
            let result = try Demo.analyze(name)
            let evaluator = HopEvaluator(index: result.index)
            for finding in result.findings {
                var actor = finding.entry.actor
                for target in finding.path.dropFirst() {
                    #expect(evaluator.evaluate(actor, to: target).state != .closed)
                    actor = .roleSession(target)
                }
            }
        }
    }
}
