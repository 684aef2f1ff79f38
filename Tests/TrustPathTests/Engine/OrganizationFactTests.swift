import Testing
import TrustPathAnalysis
@testable import TrustPathEngine
import TrustPathModel

/// `aws:PrincipalOrgPaths` and `aws:PrincipalAccount` as facts of the actor; values the caller chooses satisfied.
@Suite("Organization facts and caller-chosen values")
struct OrganizationFactTests {
    static let prod = "111111111111"
    static let sandbox = "222222222222"
    static let noPath = "333333333333"
    static let outsider = "999900001111"
    static let org = "o-test111111"
    static let root = "r-ab12"
    static let prodOU = "ou-ab12-prod0001"
    static let sandboxOU = "ou-ab12-sbox0001"
    static let prodPath = "\(org)/\(root)/\(prodOU)/"

    /// An organization whose OU data places `prod` under the Production OU and `sandbox` under Sandbox; `noPath` has no
    /// list-parents file.
    static func organization(_ targetTrust: String, targetAccount: String = prod) -> (TestWorld, target: String, callers: [String: String]) {
        var world = TestWorld(organizationID: org, members: [prod, sandbox, noPath])
        let target = RoleSpec(name: "Target", account: targetAccount, trust: targetTrust, inline: [adminPolicy])
        var callers: [String: String] = [:]
        world.roles = [target]
        for account in [prod, sandbox, noPath] {
            let caller = RoleSpec(name: "Caller", account: account, trust: trust("{\"Service\": \"lambda.amazonaws.com\"}"),
                                  inline: [allow("sts:AssumeRole")], tags: ["team": "platform"])
            world.roles.append(caller)
            callers[account] = caller.arn
        }
        world.extraFiles = [
            "org-roots.json": "{\"Roots\": [{\"Id\": \"\(root)\", \"Arn\": \"arn:aws:organizations::100000000000:root/\(org)/\(root)\", \"Name\": \"Root\"}]}",
            "org-ous.json": "{\"ParentId\": \"\(root)\", \"OrganizationalUnits\": [{\"Id\": \"\(prodOU)\", \"Name\": \"Prod\"}, {\"Id\": \"\(sandboxOU)\", \"Name\": \"Sandbox\"}]}",
            "org-parent-prod.json": "{\"ChildId\": \"\(prod)\", \"Parents\": [{\"Id\": \"\(prodOU)\", \"Type\": \"ORGANIZATIONAL_UNIT\"}]}",
            "org-parent-sandbox.json": "{\"ChildId\": \"\(sandbox)\", \"Parents\": [{\"Id\": \"\(sandboxOU)\", \"Type\": \"ORGANIZATIONAL_UNIT\"}]}",
        ]
        return (world, target.arn, callers)
    }

    static func orgPaths(_ op: String, _ value: String) -> String {
        trust("{\"AWS\": \"*\"}", condition: "{\"\(op)\": {\"aws:PrincipalOrgPaths\": \"\(value)\"}}")
    }

    @Test func pathsAreBuiltFromTheOUData() {
        let (world, _, _) = Self.organization(Self.orgPaths("ForAnyValue:StringLike", "\(Self.prodPath)*"))
        let organization = world.snapshot().organization
        #expect(organization?.paths(of: Self.prod) == [Self.prodPath])
        #expect(organization?.paths(of: Self.sandbox) == ["\(Self.org)/\(Self.root)/\(Self.sandboxOU)/"])
        #expect(organization?.paths(of: Self.noPath) == [])
        #expect(world.snapshot().files.filter { $0.kind == .organizationStructure }.count == 4)
    }

    @Test(arguments: [
        ("ForAnyValue:StringLike", "\(prodPath)*"),
        ("ForAnyValue:StringEquals", prodPath),
        ("StringLike", "\(prodPath)*"),
        ("ForAnyValue:StringLike", "\(org)/*"),
    ])
    func anOUScopedTrustAdmitsItsMembersAndNoOutsider(op: String, value: String) {
        let (world, target, callers) = Self.organization(Self.orgPaths(op, value))
        #expect(world.hop(.roleSession(callers[Self.prod] ?? ""), target).state == .open)
        let outside = world.hop(.anyone, target)
        #expect(outside.state == .closed)
        #expect(outside.reasons.contains { $0.contains("no principal outside the organization has an organization path") })
        #expect(world.hop(.externalAccount(Self.outsider), target).state == .closed)
        // A member whose path is unknown: the hop rests on the condition.
        let unknown = world.hop(.roleSession(callers[Self.noPath] ?? ""), target)
        #expect(unknown.state == .conditional)
        #expect(unknown.reasons.contains { $0.contains("unknown without OU data") })
    }

    @Test func aMemberOfAnotherOUIsOutsideTheScope() {
        let (world, target, callers) = Self.organization(Self.orgPaths("ForAnyValue:StringLike", "\(Self.prodPath)*"))
        #expect(world.hop(.roleSession(callers[Self.sandbox] ?? ""), target).state == .closed)
    }

    @Test(arguments: ["ForAnyValue:StringNotLike", "StringNotEquals"])
    func negatedPathConditionsAdmitOutsiders(op: String) {
        // No outside principal has a path in this organization, so "not this path" holds for all of them.
        let (world, target, _) = Self.organization(Self.orgPaths(op, "\(Self.prodPath)*"))
        #expect(world.hop(.anyone, target).state == .open)
    }

    @Test func forAllValuesIsTrueForAnOutsiderWithoutAnyPath() {
        // AWS: ForAllValues over a missing key is true, and an account outside every organization has no path.
        let (world, target, callers) = Self.organization(Self.orgPaths("ForAllValues:StringLike", "\(Self.prodPath)*"))
        #expect(world.hop(.anyone, target).state == .open)
        #expect(world.hop(.roleSession(callers[Self.sandbox] ?? ""), target).state == .closed)
    }

    @Test func aPathOfAnotherOrganizationAdmitsOutsiders() {
        let (world, target, _) = Self.organization(Self.orgPaths("ForAnyValue:StringLike", "o-other999999/*"))
        #expect(world.hop(.anyone, target).state == .open)
        let (wild, wildTarget, _) = Self.organization(Self.orgPaths("ForAnyValue:StringLike", "o-*/r-ab12/*"))
        #expect(wild.hop(.anyone, wildTarget).state == .open, "an organization wildcard matches other organizations")
    }

    // MARK: aws:PrincipalAccount

    static func principalAccount(_ op: String, _ value: String) -> String {
        trust("{\"AWS\": \"*\"}", condition: "{\"\(op)\": {\"aws:PrincipalAccount\": \"\(value)\"}}")
    }

    @Test func starRestrictedToAnOutsideAccountIsThatAccountNotThePublic() {
        let (world, target, _) = Self.organization(Self.principalAccount("StringEquals", Self.outsider))
        let index = SnapshotIndex(world.snapshot())
        let entries = EntryDiscovery.entries(in: index)
        #expect(entries.contains(.externalAccount(Self.outsider)))
        #expect(!entries.contains(.anyone))
        #expect(world.hop(.anyone, target).state == .closed)
        let verdict = world.hop(.externalAccount(Self.outsider), target)
        #expect(verdict.state == .open)
        #expect(!verdict.guards.contains { $0.strength == .weak }, "the account restriction is doing its job")
        let findings = world.analyze().findings.filter { $0.target == target }
        #expect(findings.map(\.entry.id) == [Self.outsider])
    }

    @Test func starRestrictedByPrincipalArnToAnOutsideRoleIsThatAccount() {
        let condition = "{\"ArnEquals\": {\"aws:PrincipalArn\": \"arn:aws:iam::\(Self.outsider):role/Deployer\"}}"
        let (world, target, _) = Self.organization(trust("{\"AWS\": \"*\"}", condition: condition))
        let entries = EntryDiscovery.entries(in: SnapshotIndex(world.snapshot()))
        #expect(entries.contains(.externalAccount(Self.outsider)) && !entries.contains(.anyone))
        #expect(world.hop(.anyone, target).state == .closed)
        #expect(world.hop(.externalAccount(Self.outsider), target).state == .open)
    }

    @Test(arguments: [("StringLike", "9999*"), ("StringNotEquals", "999900001111")])
    func aPatternOrNegatedAccountIsStillThePublic(op: String, value: String) {
        let (world, target, _) = Self.organization(Self.principalAccount(op, value))
        #expect(EntryDiscovery.entries(in: SnapshotIndex(world.snapshot())).contains(.anyone))
        #expect(world.hop(.anyone, target).state == .open)
    }

    // MARK: values the caller chooses

    @Test(arguments: [
        #"{"StringEquals": {"aws:PrincipalTag/team": "platform"}}"#,
        #"{"StringEquals": {"aws:RequestTag/project": "blue"}}"#,
        #"{"ForAllValues:StringEquals": {"aws:TagKeys": ["project"]}}"#,
        #"{"StringLike": {"sts:RoleSessionName": "deploy-*"}}"#,
        #"{"StringEquals": {"sts:SourceIdentity": "alice@acme.example"}}"#,
        #"{"StringEquals": {"sts:RoleSessionName": "${aws:username}"}}"#,
    ])
    func valuesTheOutsiderSetsAreSatisfiedNotConditional(condition: String) {
        let (world, target, _) = Self.organization(trust("{\"AWS\": \"\(Self.outsider)\"}", condition: condition))
        let verdict = world.hop(.externalAccount(Self.outsider), target)
        #expect(verdict.state == .open, "\(condition)")
        #expect(verdict.reasons.contains { $0.contains("the attacker meets it") }, "\(verdict.reasons)")
    }

    @Test func aRoleSessionsPrincipalTagsAreTheRolesTags() {
        let matching = trust("{\"AWS\": \"*\"}", condition: #"{"StringEquals": {"aws:PrincipalTag/team": "platform", "aws:PrincipalOrgID": "o-test111111"}}"#)
        let (world, target, callers) = Self.organization(matching)
        #expect(world.hop(.roleSession(callers[Self.prod] ?? ""), target).state == .open)
        let other = trust("{\"AWS\": \"*\"}", condition: #"{"StringEquals": {"aws:PrincipalTag/team": "data", "aws:PrincipalOrgID": "o-test111111"}}"#)
        let (otherWorld, otherTarget, otherCallers) = Self.organization(other)
        #expect(otherWorld.hop(.roleSession(otherCallers[Self.prod] ?? ""), otherTarget).state == .closed)
    }
}
