import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel
@testable import TrustPathRemediation

/// Each kind of fix, applied: the hop it targets closes and every other finding stays as it was.
@Suite("Fix kinds")
struct FixKindTests {
    let member = "111111111111"
    let other = "222222222222"
    let outsider = "900000000001"
    let org = "o-fixkind001"

    /// A world with the role under test plus a bystander finding that no fix may touch.
    func world(_ trustText: String, extra: [RoleSpec] = []) -> TestWorld {
        var world = TestWorld(organizationID: org, members: [member, other])
        world.roles = [RoleSpec(name: "Target", account: member, trust: trustText, inline: [adminPolicy]),
                       RoleSpec(name: "Bystander", account: other, trust: trust("{\"AWS\": \"900000000009\"}"),
                                inline: [allow("s3:GetObject")])] + extra
        return world
    }

    func check(_ world: TestWorld, fixOf entry: Actor, expecting kind: FixKind, file: String = #fileID, line: Int = #line) throws {
        let result = world.analyze()
        let plan = RemediationPlan.make(result)
        let target = "arn:aws:iam::\(member):role/Target"
        let finding = try #require(plan.findings.first { $0.entry.actor == entry && $0.target == target })
        let fix = try #require(PairFixes.make(result)[finding.id])
        #expect(fix.kinds == [kind])
        let fixed = try ChokePointTests.reanalyze(world.files(), fixes: [fix], index: result.index)
        #expect(!fixed.findings.contains { $0.id == finding.id }, "the fixed hop is gone")
        let untouched = result.findings.filter { $0.target != target }.map(\.id)
        #expect(fixed.findings.filter { $0.target != target }.map(\.id) == untouched, "nothing else changed")
    }

    @Test func externalIDForAnOutsideAccount() throws {
        try check(world(trust("{\"AWS\": \"arn:aws:iam::\(outsider):root\"}")), fixOf: .externalAccount(outsider), expecting: .addExternalID)
    }

    @Test func weakExternalIDIsReplaced() throws {
        let weak = #"{"StringLike": {"sts:ExternalId": "*"}}"#
        try check(world(trust("{\"AWS\": \"\(outsider)\"}", condition: weak)), fixOf: .externalAccount(outsider), expecting: .addExternalID)
    }

    @Test func principalOrgIDForAPublicTrust() throws {
        try check(world(trust("{\"AWS\": \"*\"}")), fixOf: .anyone, expecting: .addPrincipalOrgID)
    }

    /// The bystander's account 900000000009 is an entry; a `"*"` trust admits it too, but it has no ExternalId to
    /// offer there: the account is listed under the public entry of that door (no pair of its own), and the door's
    /// fix limits the statement to the organization.
    @Test func principalOrgIDForAnOutsideAccountPassingAPublicTrust() throws {
        let world = world(trust("{\"AWS\": \"*\"}"))
        let result = world.analyze()
        #expect(!result.findings.contains { $0.entry.id == "900000000009" && $0.target.hasSuffix(":role/Target") })
        let door = try #require(result.doors.first { $0.key.role.hasSuffix(":role/Target") })
        let publicEntry = try #require(door.entries.first { $0.kind == .public })
        #expect(publicEntry.alsoPassing.contains("900000000009"))
        #expect(publicEntry.lacks == ["aws:PrincipalOrgID"])
        let fix = try #require(RemediationPlan.make(result).doorFixes[door.key])
        #expect(fix.kinds == [.addPrincipalOrgID])
    }

    @Test func sourceConditionsForAService() throws {
        try check(world(trust("{\"Service\": \"sns.amazonaws.com\"}")), fixOf: .service("sns.amazonaws.com"), expecting: .addSourceConditions)
    }

    @Test func subjectPinForGitHubActions() throws {
        let provider = "arn:aws:iam::\(member):oidc-provider/token.actions.githubusercontent.com"
        try check(world(trust("{\"Federated\": \"\(provider)\"}", action: "sts:AssumeRoleWithWebIdentity")),
                  fixOf: .federated("token.actions.githubusercontent.com"), expecting: .pinSubject)
    }

    @Test func accountRootReplacedForAnInternalHop() throws {
        // outsider → Door (open vendor trust) → Target (trusts Door's account root): cut at Target's statement.
        let door = RoleSpec(name: "Door", account: other, trust: trust("{\"AWS\": \"\(outsider)\"}"),
                            inline: [allow("sts:AssumeRole")])
        let world = world(trust("{\"AWS\": \"arn:aws:iam::\(other):root\"}"), extra: [door])
        let result = world.analyze()
        let planner = FixPlanner(index: result.index)
        let statement = try #require(result.findings.first { $0.target.hasSuffix("role/Target") }?.hops.last?.statement)
        let fix = try #require(planner.fix(for: statement, closing: [.roleSession(door.arn)]))
        #expect(fix.kinds == [.replaceAccountRoot])
        let fixed = try ChokePointTests.reanalyze(world.files(), fixes: [fix], index: result.index)
        #expect(!fixed.findings.contains { $0.target.hasSuffix("role/Target") })
        #expect(fixed.findings.contains { $0.target == door.arn })
    }

    @Test func principalARNRestrictionForAWildcardTrust() throws {
        let door = RoleSpec(name: "Door", account: member, trust: trust("{\"AWS\": \"\(outsider)\"}"))
        let world = world(trust("{\"AWS\": \"*\"}", condition: "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"\(org)\"}}"), extra: [door])
        let result = world.analyze()
        let statement = try #require(result.findings.first { $0.target.hasSuffix("role/Target") }?.hops.last?.statement)
        let fix = try #require(FixPlanner(index: result.index).fix(for: statement, closing: [.roleSession(door.arn)]))
        #expect(fix.kinds == [.restrictPrincipalARN])
        let fixed = try ChokePointTests.reanalyze(world.files(), fixes: [fix], index: result.index)
        #expect(!fixed.findings.contains { $0.target.hasSuffix("role/Target") })
    }

    /// An organization-wide trust may let thousands of roles through: the fix names ten and counts the rest (a hub
    /// organization's choke-point summaries ran to 32 KB each).
    @Test func aFixNamesTenOfTheRolesItShutsOutAndCountsTheRest() throws {
        let callers = (0..<12).map { RoleSpec(name: "caller-\(String($0).count == 1 ? "0" : "")\($0)", account: member,
                                              trust: trust("{\"AWS\": \"\(outsider)\"}"), inline: [allow("sts:AssumeRole")]) }
        let world = world(trust("{\"AWS\": \"*\"}", condition: "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"\(org)\"}}"), extra: callers)
        let result = world.analyze()
        let statement = try #require(result.findings.first { $0.target.hasSuffix("role/Target") }?.hops.last?.statement)
        let fix = try #require(FixPlanner(index: result.index).fix(for: statement, closing: callers.reversed().map { .roleSession($0.arn) }))
        // Given in reverse, named in order: the first ten by name are picked, not the first ten given.
        #expect(fix.summary.contains("caller-00, caller-01, caller-02, caller-03, caller-04, caller-05, caller-06, caller-07, "
            + "caller-08, caller-09 and 2 more"))
        #expect(!fix.summary.contains("caller-10"))
    }

    @Test func urlEncodedDocumentsStayURLEncoded() throws {
        let document = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::900000000001:root"},"Action":"sts:AssumeRole"}]}"#
        let patched = try TrustPolicyPatcher.patch(.string(TrustPathJSONTesting.encode(document)), with: [
            Fix(id: "x", kinds: [.addExternalID], role: "r", roleName: "r",
                statement: StatementReference(file: "f", jsonPath: "$", owner: "r", index: 0, sid: nil), summary: "",
                addConditions: [ConditionAddition(op: "StringEquals", key: "sts:ExternalId", values: ["V"])],
                removeConditionKeys: [], replacePrincipals: [], placeholders: []),
        ])
        guard case .string(let text) = patched else { Issue.record("not a string any more"); return }
        #expect(text.hasPrefix("%7B"))
        #expect(TrustPathJSONTesting.decode(text)?.contains(#""Condition":{"StringEquals":{"sts:ExternalId":"V"}}"#) == true)
    }
}

import TrustPathJSON
enum TrustPathJSONTesting {
    static func encode(_ text: String) -> String { PercentEncoding.encode(text) }
    static func decode(_ text: String) -> String? { PercentEncoding.decode(text) }
}
