import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// The graph judges a caller's hops a group of alike roles at a time. Every hop it gives must be the hop the
/// evaluator gives for that role alone, and it must leave out none: checked on organizations made of many alike
/// roles of two accounts (groups span accounts unless a condition reads the resource's account), with callers whose
/// policies name some role ARNs and not others, tags that conditions read, boundaries, and SCPs and RCPs that name ARNs.
@Suite("Hop bundles")
struct HopBundlePropertyTests {
    static let accounts = ["111111111111", "222222222222"]
    static let organization = "o-bundles0001"

    static func world(seed: UInt64) -> TestWorld {
        var random = SeededRandom(seed: seed)
        var world = TestWorld(organizationID: organization, members: accounts)
        let trusts = [
            trust("{\"AWS\": \"arn:aws:iam::111111111111:root\"}"),
            trust("{\"AWS\": \"arn:aws:iam::222222222222:root\"}"),
            trust("{\"AWS\": \"*\"}", condition: "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"\(organization)\"}}"),
            trust("{\"AWS\": \"*\"}", condition: "{\"StringEquals\": {\"aws:ResourceTag/tier\": \"open\"}}"),
            trust("{\"AWS\": \"arn:aws:iam::900000000001:root\"}"),
            trust("{\"AWS\": \"*\"}"),
        ]
        let permissions = [
            [allow("sts:AssumeRole")],
            [allow("sts:AssumeRole", on: "arn:aws:iam::*:role/app-*")],
            [allow("sts:AssumeRole"), deny("sts:AssumeRole", on: "arn:aws:iam::222222222222:role/app-1*")],
            ["{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", "
                + "\"NotResource\": \"arn:aws:iam::111111111111:role/ops-*\"}]}"],
            ["{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\", "
                + "\"Condition\": {\"StringEquals\": {\"aws:ResourceTag/tier\": \"open\"}}}]}"],
            ["{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\", "
                + "\"Condition\": {\"StringEquals\": {\"aws:ResourceAccount\": \"222222222222\"}}}]}"],
            [],
        ]
        for index in 0..<18 {
            let account = accounts[Int.random(in: 0..<accounts.count, using: &random)]
            let name = (index % 3 == 0 ? "ops-" : "app-") + String(index)
            var role = RoleSpec(name: name, account: account, trust: trusts[Int.random(in: 0..<trusts.count, using: &random)],
                                inline: permissions[Int.random(in: 0..<permissions.count, using: &random)])
            if Bool.random(using: &random) { role.tags = ["tier": Bool.random(using: &random) ? "open" : "closed", "owner": name] }
            if Int.random(in: 0..<4, using: &random) == 0 { role.boundary = "arn:aws:iam::\(account):policy/Boundary" }
            world.roles.append(role)
        }
        for account in accounts {
            world.policies["arn:aws:iam::\(account):policy/Boundary"] =
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", "
                + "\"Resource\": \"arn:aws:iam::*:role/app-*\"}]}"
        }
        if seed % 2 == 0 {
            world.extraFiles["scp.json"] = organizationPolicy(
                type: "SERVICE_CONTROL_POLICY", targets: [accounts[0]],
                statements: #"[{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::*:role/app-2*"}]"#)
            world.extraFiles["rcp.json"] = organizationPolicy(
                type: "RESOURCE_CONTROL_POLICY", targets: [accounts[1]],
                statements: #"[{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::*:role/app-3*"}]"#)
        }
        return world
    }

    static func organizationPolicy(type: String, targets: [String], statements: String) -> String {
        let content = "{\"Version\": \"2012-10-17\", \"Statement\": \(statements)}"
            .replacingOccurrences(of: "\"", with: "\\\"")
        let targetList = targets.map { "{\"TargetId\": \"\($0)\", \"Type\": \"ACCOUNT\"}" }.joined(separator: ",")
        return """
        {"Policy": {"PolicySummary": {"Id": "p-\(type.prefix(3).lowercased())", "Name": "\(type.lowercased())", "Type": "\(type)"},
         "Content": "\(content)"}, "Targets": [\(targetList)]}
        """
    }

    @Test(arguments: Array(UInt64(1)...16))
    func everyBundledHopIsTheHopAlone(seed: UInt64) throws {
        let world = Self.world(seed: seed)
        let index = SnapshotIndex(world.snapshot())
        let graph = AttackGraph(index: index)
        let alone = HopEvaluator(index: index)
        let actors: [Actor] = [.anyone, .externalAccount("900000000001")] + world.roles.map { .roleSession($0.arn) }
        var shared = 0
        for actor in actors {
            let bundled = graph.bundles(from: actor)
            shared += bundled.filter { $0.targets.count > 1 }.count
            var seen: [String: HopVerdict] = [:]
            for bundle in bundled {
                for target in bundle.targets { seen[target] = bundle.verdict(for: target, index: index) }
            }
            for role in world.roles {
                let expected = alone.evaluate(actor, to: role.arn)
                guard let got = seen[role.arn] else {
                    #expect(expected.state == .closed, "\(actor) → \(role.name): bundles left out a \(expected.state) hop")
                    continue
                }
                #expect(got.state == expected.state, "\(actor) → \(role.name)")
                #expect(got.trustStatement == expected.trustStatement, "\(actor) → \(role.name)")
                #expect(got.allowingStatements == expected.allowingStatements, "\(actor) → \(role.name)")
                #expect(got.identityStatement == expected.identityStatement, "\(actor) → \(role.name)")
                #expect(got.identityRequired == expected.identityRequired, "\(actor) → \(role.name)")
                #expect(got.restsOn == expected.restsOn, "\(actor) → \(role.name)")
                #expect(got.guards == expected.guards, "\(actor) → \(role.name)")
                #expect(got.matchedPrincipal == expected.matchedPrincipal, "\(actor) → \(role.name)")
            }
        }
        // Without alike roles sharing a bundle the property would say nothing about bundling.
        #expect(shared > 0)
        #expect(index.targetGroups.spansAccounts.contains(true) || world.roles.contains { $0.inline.joined().contains("ResourceAccount") })
    }

    /// Tags nothing asks about do not split a group; a tag a condition reads does.
    @Test func onlyTagsSomeConditionReadsSplitAGroup() {
        var world = TestWorld(organizationID: Self.organization, members: Self.accounts)
        let root = trust("{\"AWS\": \"arn:aws:iam::111111111111:root\"}")
        world.roles = (0..<4).map { RoleSpec(name: "app-\($0)", account: "111111111111", trust: root, tags: ["owner": "team-\($0)"]) }
        #expect(SnapshotIndex(world.snapshot()).targetGroups.members.count == 1)
        // The same trust in another account joins the group, unless a condition reads the resource's account.
        world.roles.append(RoleSpec(name: "app-9", account: "222222222222", trust: root))
        #expect(SnapshotIndex(world.snapshot()).targetGroups.members.count == 1)
        world.roles[4].inline = ["{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", "
            + "\"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalAccount\": \"${aws:ResourceAccount}\"}}}]}"]
        #expect(SnapshotIndex(world.snapshot()).targetGroups.members.count == 5)
        world.roles.removeLast()
        world.roles.append(RoleSpec(name: "caller", account: "111111111111", trust: root, inline: [
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\", "
                + "\"Condition\": {\"StringEquals\": {\"aws:ResourceTag/Owner\": \"team-1\"}}}]}",
        ]))
        let groups = SnapshotIndex(world.snapshot()).targetGroups
        #expect(groups.members.count == 5)
    }
}
