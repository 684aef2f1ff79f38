import Testing
@testable import TrustPathEngine
import TrustPathModel

/// SPEC §3.4, "Other rules that tools in this field get wrong", each with a near miss.
@Suite("Other rules")
struct OtherRuleTests {
    let member = "111111111111"
    let outsider = "999900001111"

    @Test func statementsThatYieldNoCredentialsGrantNoHop() {
        var world = TestWorld()
        let only = RoleSpec(name: "TagOnly", account: member,
                            trust: trust("{\"AWS\": \"\(outsider)\"}", action: "sts:TagSession"), inline: [adminPolicy])
        let near = RoleSpec(name: "Assume", account: member,
                            trust: "[{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"\(outsider)\"}, \"Action\": [\"sts:AssumeRole\", \"sts:TagSession\"]}]",
                            inline: [adminPolicy])
        world.roles = [only, near]
        #expect(world.hop(.externalAccount(outsider), only.arn).state == .closed)
        #expect(world.hop(.externalAccount(outsider), near.arn).state == .open)
    }

    @Test func notPrincipalInTrustIsWarnedAboutNotGuessed() {
        var world = TestWorld()
        let role = RoleSpec(name: "NotP", account: member,
                            trust: "[{\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"arn:aws:iam::\(member):root\"}, \"Action\": \"sts:AssumeRole\"}]",
                            inline: [adminPolicy])
        world.roles = [role]
        #expect(world.hop(.anyone, role.arn).state == .closed)
        #expect(world.hop(.externalAccount(outsider), role.arn).state == .closed)
        let index = SnapshotIndex(world.snapshot())
        #expect(index.diagnostics.map(\.code) == ["not-principal-in-trust"])
    }

    @Test func rolesDoNotImplicitlyTrustThemselves() {
        var world = TestWorld()
        let selfish = RoleSpec(name: "Self", account: member, trust: trust("{\"Service\": \"lambda.amazonaws.com\"}"),
                               inline: [allow("sts:AssumeRole")])
        world.roles = [selfish]
        #expect(world.hop(.roleSession(selfish.arn), selfish.arn).state == .closed)
        var explicit = world
        explicit.roles[0].trust = trust("{\"AWS\": \"\(selfish.arn)\"}")
        #expect(explicit.hop(.roleSession(selfish.arn), selfish.arn).state == .open)
    }

    @Test func partitionsNeverMix() {
        var world = TestWorld()
        let china = RoleSpec(name: "CN", account: member, trust: trust("{\"AWS\": \"arn:aws:iam::\(outsider):root\"}"),
                             inline: [adminPolicy], partition: "aws-cn")
        let commercial = RoleSpec(name: "Commercial", account: "111111111112",
                                  trust: trust("{\"AWS\": \"arn:aws:iam::\(outsider):root\"}"), inline: [adminPolicy])
        world.roles = [china, commercial]
        #expect(world.hop(.externalAccount(outsider), china.arn).state == .closed)
        #expect(world.hop(.externalAccount(outsider), commercial.arn).state == .open)
    }

    @Test func serviceLinkedRolesServeTheirOwnAccountOnly() {
        var world = TestWorld()
        let linked = RoleSpec(name: "AWSServiceRoleForSupport", account: member,
                              trust: trust("{\"Service\": \"support.amazonaws.com\"}"), inline: [adminPolicy],
                              path: "/aws-service-role/support.amazonaws.com/")
        let plain = RoleSpec(name: "SupportRole", account: member, trust: trust("{\"Service\": \"support.amazonaws.com\"}"),
                             inline: [adminPolicy])
        world.roles = [linked, plain]
        #expect(world.hop(.service("support.amazonaws.com"), linked.arn).state == .closed)
        #expect(world.hop(.service("support.amazonaws.com"), plain.arn).state == .open)
    }

    @Test func passRoleOnlyServicesAreNotEntries() {
        var world = TestWorld()
        world.roles = [RoleSpec(name: "Fn", account: member, trust: trust("{\"Service\": \"lambda.amazonaws.com\"}"), inline: [adminPolicy]),
                       RoleSpec(name: "Sns", account: member, trust: trust("{\"Service\": \"sns.amazonaws.com\"}"), inline: [adminPolicy])]
        let entries = EntryDiscovery.entries(in: SnapshotIndex(world.snapshot()))
        #expect(entries == [.service("sns.amazonaws.com")])
    }

    @Test func deletedPrincipalsWrittenAsUniqueIdsMatchNothing() {
        var world = TestWorld()
        let role = RoleSpec(name: "Orphan", account: member,
                            trust: "[{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\"AROAEXAMPLEDELETED01\", \"arn:aws:iam::\(outsider):root\"]}, \"Action\": \"sts:AssumeRole\"}]",
                            inline: [adminPolicy])
        world.roles = [role]
        let entries = EntryDiscovery.entries(in: SnapshotIndex(world.snapshot()))
        #expect(entries == [.externalAccount(outsider)])
    }

    @Test func accountPrincipalMeansItsUsersAndRolesNeverARootSession() {
        // A trust naming the account root reaches the account's roles only through their own permissions.
        var world = TestWorld()
        let target = RoleSpec(name: "Target", account: member, trust: trust("{\"AWS\": \"arn:aws:iam::\(member):root\"}"),
                              inline: [adminPolicy])
        let idle = RoleSpec(name: "Idle", account: member, trust: trust("{\"AWS\": \"\(outsider)\"}"))
        world.roles = [target, idle]
        #expect(world.hop(.roleSession(idle.arn), target.arn).state == .closed)
        world.roles[1].inline = [allow("sts:AssumeRole", on: target.arn)]
        #expect(world.hop(.roleSession(idle.arn), target.arn).state == .open)
    }

    @Test func missingKeyIsFalseExceptNegatedAndIfExists() {
        func evaluate(_ op: String, _ values: [String] = ["x"]) -> Bool {
            ConditionValueMatching.evaluate(ConditionOperator(op), policyValues: values, requestValues: nil)
        }
        #expect(evaluate("StringEquals") == false)
        #expect(evaluate("StringLike") == false)
        #expect(evaluate("ArnLike") == false)
        #expect(evaluate("StringNotEquals") == true)
        #expect(evaluate("ArnNotLike") == true)
        #expect(evaluate("StringEqualsIfExists") == true)
        #expect(evaluate("ForAllValues:StringEquals") == true)
        #expect(evaluate("ForAnyValue:StringEquals") == false)
        #expect(evaluate("Null", ["true"]) == true)
        #expect(evaluate("Null", ["false"]) == false)
    }

    @Test func setOperatorsOverMultivaluedKeys() {
        let op = ConditionOperator("ForAllValues:StringEquals")
        #expect(ConditionValueMatching.evaluate(op, policyValues: ["a", "b"], requestValues: []) == true)
        #expect(ConditionValueMatching.evaluate(op, policyValues: ["a", "b"], requestValues: ["a", "b"]) == true)
        #expect(ConditionValueMatching.evaluate(op, policyValues: ["a", "b"], requestValues: ["a", "c"]) == false)
        let any = ConditionOperator("ForAnyValue:StringLike")
        #expect(ConditionValueMatching.evaluate(any, policyValues: ["team-*"], requestValues: ["x", "team-a"]) == true)
        #expect(ConditionValueMatching.evaluate(any, policyValues: ["team-*"], requestValues: []) == false)
    }

    @Test func operatorsAndKeysAreCaseInsensitiveValuesAreNot() {
        #expect(ConditionOperator("stringequals").base == .stringEquals)
        #expect(ConditionOperator("forallvalues:StringLikeIfExists").qualifier == .forAllValues)
        #expect(ConditionOperator("NullIfExists").base == nil)
        var context = RequestContext()
        context["AWS:PrincipalAccount"] = .known(["111111111111"])
        let clause = ConditionClause(op: ConditionOperator("StringEquals"), key: "aws:principalaccount", values: ["111111111111"])
        #expect(ClauseEvaluation.outcome(of: clause, in: context).canBeTrue)
        let upper = ConditionClause(op: ConditionOperator("StringEquals"), key: "aws:principalaccount", values: ["A"])
        context["aws:principalaccount"] = .known(["a"])
        #expect(!ClauseEvaluation.outcome(of: upper, in: context).canBeTrue)
    }

    @Test func typedOperators() {
        func check(_ op: String, _ policy: String, _ request: String) -> Bool {
            ConditionValueMatching.evaluate(ConditionOperator(op), policyValues: [policy], requestValues: [request])
        }
        #expect(check("NumericLessThan", "10", "9"))
        #expect(!check("NumericLessThan", "10", "10"))
        #expect(check("DateGreaterThan", "2020-01-01T00:00:00Z", "2021-06-01T00:00:00Z"))
        #expect(check("IpAddress", "203.0.113.0/24", "203.0.113.77"))
        #expect(!check("IpAddress", "203.0.113.0/24", "198.51.100.1"))
        #expect(check("NotIpAddress", "203.0.113.0/24", "198.51.100.1"))
        #expect(check("IpAddress", "2001:db8::/32", "2001:db8::1"))
        #expect(check("ArnLike", "arn:aws:iam::*:role/deploy-*", "arn:aws:iam::111111111111:role/deploy-prod"))
        #expect(!check("ArnLike", "arn:aws:iam::*:role/deploy-*", "arn:aws:iam::111111111111:user/deploy-prod"))
        #expect(check("Bool", "true", "TRUE"))
        #expect(check("StringEqualsIgnoreCase", "Prod", "PROD"))
    }
}
