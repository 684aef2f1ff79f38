import Testing
@testable import TrustPathEngine

/// SPEC §3.2: conditions judged from the attacker's side. Each rule: a case that must be found and a near miss.
@Suite("Trust conditions from the attacker's side")
struct TrustConditionRuleTests {
    static let member = "111111111111"
    static let other = "222222222222"
    static let outsider = "999900001111"
    static let org = "o-test111111"

    func world(_ trustText: String, account: String = member) -> (TestWorld, String) {
        var world = TestWorld(organizationID: Self.org, members: [Self.member, Self.other])
        let role = RoleSpec(name: "Target", account: account, trust: trustText, inline: [adminPolicy])
        world.roles = [role]
        return (world, role.arn)
    }

    func externalHop(condition: String?) -> HopVerdict {
        let (world, target) = world(trust("{\"AWS\": \"arn:aws:iam::\(Self.outsider):root\"}", condition: condition))
        return world.hop(.externalAccount(Self.outsider), target)
    }

    @Test func externalAccountWithoutExternalIdIsOpenAndSaysWhatItLacks() {
        let verdict = externalHop(condition: nil)
        #expect(verdict.state == .open)
        #expect(verdict.guardsMissing == ["sts:ExternalId"])
        #expect(verdict.trustStatement?.index == 0)
    }

    @Test(arguments: [
        #"{"StringEquals": {"sts:ExternalId": "12345"}}"#,
        #"{"StringEqualsIgnoreCase": {"sts:ExternalId": "AbC-123"}}"#,
        #"{"StringLike": {"sts:ExternalId": "no-wildcard-here"}}"#,
        #"{"StringEquals": {"sts:externalid": ["a", "b"]}}"#,
    ])
    func fixedExternalIdClosesTheHop(condition: String) {
        #expect(externalHop(condition: condition).state == .closed)
    }

    @Test(arguments: [
        #"{"StringLike": {"sts:ExternalId": "*"}}"#,
        #"{"StringLike": {"sts:ExternalId": "abc-?"}}"#,
        #"{"StringEqualsIfExists": {"sts:ExternalId": "12345"}}"#,
        #"{"Null": {"sts:ExternalId": "false"}}"#,
        #"{"StringNotEquals": {"sts:ExternalId": "12345"}}"#,
    ])
    func weakExternalIdProtectsNothingAndIsReported(condition: String) {
        let verdict = externalHop(condition: condition)
        #expect(verdict.state == .open)
        #expect(!verdict.weakGuards.isEmpty)
        #expect(verdict.guardsMissing == ["sts:ExternalId"])
    }

    @Test func principalOrgIDAdmitsMemberSessionsButNotOutsiders() {
        var world = TestWorld(organizationID: Self.org, members: [Self.member, Self.other])
        let target = RoleSpec(name: "OrgWide", account: Self.other,
                              trust: trust("{\"AWS\": \"*\"}", condition: "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"\(Self.org)\"}}"),
                              inline: [adminPolicy])
        let caller = RoleSpec(name: "Caller", account: Self.member, trust: trust("{\"Service\": \"lambda.amazonaws.com\"}"),
                              inline: [allow("sts:AssumeRole", on: target.arn)])
        world.roles = [target, caller]
        #expect(world.hop(.roleSession(caller.arn), target.arn).state == .open)
        #expect(world.hop(.anyone, target.arn).state == .closed)
        #expect(world.hop(.externalAccount(Self.outsider), target.arn).state == .closed)
    }

    @Test func principalOrgIDWildcardValueLetsOutsidersIn() {
        let (world, target) = world(trust("{\"AWS\": \"*\"}", condition: "{\"StringLike\": {\"aws:PrincipalOrgID\": \"o-*\"}}"))
        #expect(world.hop(.anyone, target).state == .open)
    }

    @Test func mfaConditionIsMetByOutsideHumansButNeverByRoleSessions() {
        var world = TestWorld(organizationID: Self.org, members: [Self.member, Self.other])
        let mfa = #"{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"#
        let target = RoleSpec(name: "MFA", account: Self.other,
                              trust: "[{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\"\(Self.outsider)\", \"\(Self.member)\"]}, "
                                  + "\"Action\": \"sts:AssumeRole\", \"Condition\": \(mfa)}]",
                              inline: [adminPolicy])
        let caller = RoleSpec(name: "Caller", account: Self.member, trust: trust("{\"Service\": \"lambda.amazonaws.com\"}"),
                              inline: [allow("sts:AssumeRole")])
        world.roles = [target, caller]
        #expect(world.hop(.externalAccount(Self.outsider), target.arn).state == .open)
        #expect(world.hop(.roleSession(caller.arn), target.arn).state == .closed)
    }

    @Test func pinnedSourceAccountStopsTheServiceEntry() {
        let pinned = #"{"StringEquals": {"aws:SourceAccount": "111111111111"}}"#
        let (pinnedWorld, target) = world(trust("{\"Service\": \"events.amazonaws.com\"}", condition: pinned))
        #expect(pinnedWorld.hop(.service("events.amazonaws.com"), target).state == .closed)
        let (openWorld, _) = world(trust("{\"Service\": \"events.amazonaws.com\"}"))
        let verdict = openWorld.hop(.service("events.amazonaws.com"), target)
        #expect(verdict.state == .open)
        #expect(verdict.guardsMissing == ["aws:SourceArn", "aws:SourceAccount"])
    }

    @Test func sourceArnWithWildcardAccountPinsNothing() {
        let loose = #"{"ArnLike": {"aws:SourceArn": "arn:aws:events:*:*:rule/*"}}"#
        let (world, target) = world(trust("{\"Service\": \"events.amazonaws.com\"}", condition: loose))
        #expect(world.hop(.service("events.amazonaws.com"), target).state == .open)
        let tight = #"{"ArnLike": {"aws:SourceArn": "arn:aws:events:us-east-1:111111111111:rule/*"}}"#
        let (tightWorld, _) = self.world(trust("{\"Service\": \"events.amazonaws.com\"}", condition: tight))
        #expect(tightWorld.hop(.service("events.amazonaws.com"), target).state == .closed)
    }

    static let github = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"

    func githubHop(_ condition: String) -> HopVerdict {
        let (world, target) = world(trust("{\"Federated\": \"\(Self.github)\"}", action: "sts:AssumeRoleWithWebIdentity",
                                          condition: condition))
        return world.hop(.federated(Self.github), target)
    }

    @Test func githubTrustWithAudienceOnlyIsOpenFederation() {
        let verdict = githubHop(#"{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}"#)
        #expect(verdict.state == .open)
        #expect(verdict.guardsMissing == ["token.actions.githubusercontent.com:sub"])
    }

    @Test func githubSubjectPinnedToARepositoryCloses() {
        let condition = #"{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/infra:*"}}"#
        #expect(githubHop(condition).state == .closed)
    }

    @Test func githubSubjectWithLeadingWildcardIsWeak() {
        let verdict = githubHop(#"{"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}"#)
        #expect(verdict.state == .open)
        #expect(verdict.weakGuards.count == 1)
    }

    @Test func webIdentityTrustDoesNotGrantPlainAssumeRole() {
        let (world, target) = world(trust("{\"Federated\": \"\(Self.github)\"}"))
        #expect(world.hop(.federated(Self.github), target).state == .closed)
    }

    @Test func unknownConditionsMakeTheHopConditionalAndNameTheCondition() {
        let verdict = externalHop(condition: #"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#)
        #expect(verdict.state == .conditional)
        #expect(verdict.restsOn == [#"IpAddress aws:SourceIp "203.0.113.0/24""#])
    }

    @Test func denyWithUnavoidableConditionCloses() {
        let trustText = """
        [{"Effect": "Allow", "Principal": {"AWS": "\(Self.outsider)"}, "Action": "sts:AssumeRole"},
         {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
          "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "\(Self.org)"}}}]
        """
        let (world, target) = world(trustText)
        #expect(world.hop(.externalAccount(Self.outsider), target).state == .closed)
    }

    @Test func denyTheAttackerCanAvoidDoesNotClose() {
        let trustText = """
        [{"Effect": "Allow", "Principal": {"AWS": "\(Self.outsider)"}, "Action": "sts:AssumeRole"},
         {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
          "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}]
        """
        let (world, target) = world(trustText)
        #expect(world.hop(.externalAccount(Self.outsider), target).state == .open)
    }
}
