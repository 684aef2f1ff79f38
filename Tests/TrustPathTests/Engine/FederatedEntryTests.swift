import Testing
import TrustPathAnalysis
@testable import TrustPathEngine
import TrustPathModel

/// Identity providers as entries: one entry per multi-tenant OIDC issuer, the tenant pinned by its claim literally
/// through its delimiter; SAML, EKS, per-tenant and declared-own providers are no entries.
@Suite("Federated entries")
struct FederatedEntryTests {
    static let member = "111111111111"
    static let other = "222222222222"
    static let org = "o-test111111"
    static let github = "token.actions.githubusercontent.com"

    static func provider(_ issuer: String, account: String = member) -> String {
        "arn:aws:iam::\(account):oidc-provider/\(issuer)"
    }

    func world(_ issuer: String, _ condition: String?, account: String = member, action: String = "sts:AssumeRoleWithWebIdentity")
        -> (TestWorld, String) {
        var world = TestWorld(organizationID: Self.org, members: [Self.member, Self.other])
        let federated = issuer.hasPrefix("arn:") ? issuer : Self.provider(issuer, account: account)
        let role = RoleSpec(name: "Target", account: account,
                            trust: trust("{\"Federated\": \"\(federated)\"}", action: action, condition: condition),
                            inline: [adminPolicy])
        world.roles = [role]
        return (world, role.arn)
    }

    func hop(_ issuer: String, _ condition: String?) -> HopVerdict {
        let (world, target) = world(issuer, condition)
        return world.hop(.federated(issuer), target)
    }

    func sub(_ op: String, _ value: String, claim: String = "sub", issuer: String = github) -> String {
        "{\"\(op)\": {\"\(issuer):\(claim)\": \"\(value)\"}}"
    }

    // MARK: GitHub: the owner is literal through "/"

    @Test(arguments: [
        ("StringLike", "repo:acme/*"),
        ("StringLike", "repo:acme/?"),
        ("StringLike", "repo:acme/infra:ref:refs/heads/*"),
        ("StringEquals", "repo:acme/infra:ref:refs/heads/main"),
        // Literal text under StringEquals: no token carries a sub of "repo:acme*".
        ("StringEquals", "repo:acme*"),
        ("StringEqualsIgnoreCase", "repo:acme/infra:environment:prod"),
        ("ForAnyValue:StringLike", "repo:acme/*"),
        ("ForAllValues:StringLike", "repo:acme/*"),
        // sub is in every web identity token, so IfExists reads like the plain operator (AWS behaviour).
        ("StringLikeIfExists", "repo:acme/*"),
    ])
    func githubOwnerLiteralThroughTheSlashPins(op: String, value: String) {
        let verdict = hop(Self.github, sub(op, value))
        #expect(verdict.state == .closed, "\(op) \(value)")
        #expect(verdict.reasons.last?.contains("pins the tenant (repo:OWNER/REPO:…)") == true, "\(verdict.reasons)")
    }

    @Test(arguments: [
        ("StringLike", "repo:acme*"),
        ("StringLike", "repo:acme?/*"),
        ("StringLike", "repo:acm*/infra"),
        ("StringLike", "repo:*"),
        ("StringLike", "*"),
        ("StringLike", "rep*"),
        ("ForAnyValue:StringLike", "repo:acme*"),
        ("ForAllValues:StringLike", "repo:*/*"),
        ("StringLikeIfExists", "repo:acme*"),
        ("StringNotLike", "repo:acme/*"),
        ("StringNotEquals", "repo:acme/infra:ref:refs/heads/main"),
    ])
    func aWildcardBeforeTheOwnersSlashLetsAnyOwnerIn(op: String, value: String) {
        let verdict = hop(Self.github, sub(op, value))
        #expect(verdict.state == .open, "\(op) \(value)")
        let tenant = verdict.guards.filter { $0.kind == .tenantClaim }
        #expect(tenant.contains { $0.strength == .missing && $0.key == "\(Self.github):sub" })
        #expect(verdict.guardsMissing == ["\(Self.github):sub"])
    }

    @Test func audienceAlonePinsNothing() {
        let verdict = hop(Self.github, sub("StringEquals", "sts.amazonaws.com", claim: "aud"))
        #expect(verdict.state == .open)
        #expect(verdict.guards.map(\.strength) == [.missing])
    }

    @Test func aWeakSubjectIsAWeakTenantGuardAndSaysSo() {
        let verdict = hop(Self.github, sub("StringLike", "repo:acme*"))
        let weak = verdict.guards.filter { $0.strength == .weak }
        #expect(weak.map(\.kind) == [.tenantClaim])
        #expect(weak.first?.pins == ["repo:acme*"])
        #expect(verdict.weakGuards == [#"StringLike token.actions.githubusercontent.com:sub "repo:acme*""#])
    }

    // MARK: Other multi-tenant issuers

    @Test(arguments: [
        ("gitlab.com", "project_path:acme/*", false),
        ("gitlab.com", "project_path:acme/infra:ref_type:branch:ref:main", false),
        ("gitlab.com", "project_path:acm*/infra", true),
        ("gitlab.com", "project_path:*", true),
        ("app.terraform.io", "organization:acme:*", false),
        ("app.terraform.io", "organization:acme:project:p:workspace:*", false),
        ("app.terraform.io", "organization:acme*", true),
        ("app.terraform.io", "organization:acm?:*", true),
        ("agent.buildkite.com", "organization:acme:pipeline:*", false),
        ("agent.buildkite.com", "organization:*", true),
    ])
    func tenantClaimOfEachIssuer(issuer: String, value: String, open: Bool) {
        let verdict = hop(issuer, sub("StringLike", value, issuer: issuer))
        #expect(verdict.state == (open ? .open : .closed), "\(issuer) \(value)")
    }

    @Test func cognitoIsPinnedByTheIdentityPoolAlone() {
        let issuer = "cognito-identity.amazonaws.com"
        let pool = sub("StringEquals", "eu-west-1:0d1f3c5a-1111-2222-3333-444455556666", claim: "aud", issuer: issuer)
        #expect(hop(issuer, pool).state == .closed)
        #expect(hop(issuer, sub("StringLike", "eu-west-1:*", claim: "aud", issuer: issuer)).state == .open)
        let amrOnly = sub("ForAnyValue:StringLike", "authenticated", claim: "amr", issuer: issuer)
        let verdict = hop(issuer, amrOnly)
        #expect(verdict.state == .open)
        #expect(verdict.guardsMissing == ["\(issuer):aud"])
    }

    // MARK: Which providers are entries

    @Test func oneEntryPerIssuerHoweverManyAccountsHoldAProvider() {
        var world = TestWorld(organizationID: Self.org, members: [Self.member, Self.other])
        for account in [Self.member, Self.other] {
            world.roles.append(RoleSpec(name: "ci", account: account,
                                        trust: trust("{\"Federated\": \"\(Self.provider(Self.github, account: account))\"}",
                                                     action: "sts:AssumeRoleWithWebIdentity"),
                                        inline: [adminPolicy]))
        }
        let index = SnapshotIndex(world.snapshot())
        #expect(EntryDiscovery.entries(in: index) == [.federated(Self.github)])
        let findings = world.analyze().findings.filter { $0.entry.kind == .federated }
        #expect(Set(findings.map(\.entry.id)) == [Self.github])
        #expect(findings.count == 2)
    }

    @Test(arguments: [
        "oidc.eks.eu-west-1.amazonaws.com/id/5E2B7C9A4F1D3E6B8A0C2D4F6E8A1B3C",
        "oidc.circleci.com/org/11111111-2222-3333-4444-555555555555",
        "api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc",
        "vstoken.dev.azure.com/61c028b9-510c-4f84-bfb2-f48d33b6b542",
        "token.actions.githubusercontent.com/acme-enterprise",
        "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123",
    ])
    func singleTenantIssuersAreNoEntries(issuer: String) {
        let (world, target) = world(issuer, nil)
        let index = SnapshotIndex(world.snapshot())
        #expect(EntryDiscovery.entries(in: index).isEmpty)
        let verdict = HopEvaluator(index: index).evaluate(.federated(Self.provider(issuer)), to: target)
        #expect(verdict.state == .closed)
        #expect(verdict.reasons.first?.contains("not an entry") == true, "\(verdict.reasons)")
    }

    @Test func nearMissesOfSingleTenantIssuersAreEntries() {
        // The EKS pattern without /id/, and a look-alike host, are not EKS cluster issuers.
        for issuer in ["oidc.eks.eu-west-1.amazonaws.com", "oidc.eks.eu-west-1.amazonaws.com.evil.example/id/X",
                       "oidc.circleci.com"] {
            let (world, _) = world(issuer, nil)
            #expect(EntryDiscovery.entries(in: SnapshotIndex(world.snapshot())) == [.federated(issuer)], "\(issuer)")
        }
    }

    @Test func samlProvidersAreTheOrganizationsOwn() {
        let saml = "arn:aws:iam::\(Self.member):saml-provider/AWSSSO_b937d2dff24f2774_DO_NOT_DELETE"
        let (world, target) = world(saml, #"{"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}"#,
                                    action: "sts:AssumeRoleWithSAML")
        let index = SnapshotIndex(world.snapshot())
        #expect(EntryDiscovery.entries(in: index).isEmpty)
        let verdict = HopEvaluator(index: index).evaluate(.federated(saml), to: target)
        #expect(verdict.state == .closed)
        #expect(verdict.reasons == ["\(saml): \(FederatedStanding.saml.reason)"])
        #expect(verdict.reasons[0].contains("a SAML provider is the organization's own identity provider"))
        #expect(index.samlProviders().map(\.provider) == [saml])
        #expect(index.samlProviders().first?.roles == [target])
        #expect(world.analyze().findings.isEmpty)
    }

    @Test func aSAMLProviderDeclaredOutsideIsAnEntryWhoseOperatorWritesEveryClaim() {
        let saml = "arn:aws:iam::\(Self.member):saml-provider/PartnerIdP"
        let (world, target) = world(saml, #"{"StringEquals": {"saml:sub": "alice"}}"#, action: "sts:AssumeRoleWithSAML")
        var snapshot = world.snapshot()
        snapshot.outsideIdentityProviders = ["arn:aws:iam::*:saml-provider/PartnerIdP"]
        let index = SnapshotIndex(snapshot)
        #expect(EntryDiscovery.entries(in: index) == [.federated(saml)])
        #expect(HopEvaluator(index: index).evaluate(.federated(saml), to: target).state == .open)
        // Another provider of the same account stays the organization's own.
        snapshot.outsideIdentityProviders = ["arn:aws:iam::*:saml-provider/OtherIdP"]
        #expect(EntryDiscovery.entries(in: SnapshotIndex(snapshot)).isEmpty)
    }

    @Test func anIssuerDeclaredOwnIsNoEntryEvenAMultiTenantOne() {
        for declared in ["gitlab.acme.example", "https://gitlab.acme.example/", Self.provider("gitlab.acme.example", account: "*")] {
            let (world, _) = world("gitlab.acme.example", nil)
            var snapshot = world.snapshot()
            snapshot.ownIdentityProviders = [declared]
            #expect(EntryDiscovery.entries(in: SnapshotIndex(snapshot)).isEmpty, "\(declared)")
        }
        let (github, _) = world(Self.github, nil)
        var snapshot = github.snapshot()
        snapshot.ownIdentityProviders = [Self.github]
        #expect(EntryDiscovery.entries(in: SnapshotIndex(snapshot)).isEmpty)
    }

    @Test func anUnknownIssuerCountsAsMultiTenantAndSaysSo() {
        let issuer = "gitlab.acme.example"
        let (world, target) = world(issuer, sub("StringLike", "project_path:acme/*", issuer: issuer))
        let index = SnapshotIndex(world.snapshot())
        #expect(EntryDiscovery.entries(in: index) == [.federated(issuer)])
        #expect(index.diagnostics.contains { $0.code == "unknown-oidc-issuer" && $0.message.contains(issuer) })
        // Without knowing the tenant's delimiter, only a value without wildcards pins.
        let verdict = HopEvaluator(index: index).evaluate(.federated(issuer), to: target)
        #expect(verdict.state == .open)
        #expect(verdict.reasons.first?.contains("does not know") == true)
        let (pinned, pinnedTarget) = self.world(issuer, sub("StringEquals", "project_path:acme/infra", issuer: issuer))
        #expect(pinned.hop(.federated(issuer), pinnedTarget).state == .closed)
    }

    @Test func everyKnownIssuerHasAReasonAndAPublicSource() {
        for issuer in FederatedIssuers.known {
            #expect(!issuer.reason.isEmpty && issuer.source.hasPrefix("https://"), "\(issuer.name)")
        }
        #expect(FederatedIssuers.lookup("token.actions.githubusercontent.com")?.name == "GitHub Actions")
        #expect(FederatedIssuers.lookup("TOKEN.actions.githubusercontent.com")?.name == "GitHub Actions")
    }

    @Test func entryIDsAreIssuersAsTheProviderARNNamesThem() {
        #expect(FederatedProvider.entryID(of: Self.provider(Self.github)) == Self.github)
        #expect(FederatedProvider.entryID(of: "arn:aws:iam::1:oidc-provider/GitLab.Example.com/Group/CI") == "gitlab.example.com/Group/CI")
        #expect(FederatedProvider.entryID(of: "cognito-identity.amazonaws.com") == "cognito-identity.amazonaws.com")
        let saml = "arn:aws:iam::1:saml-provider/Okta"
        #expect(FederatedProvider.entryID(of: saml) == saml)
    }
}
