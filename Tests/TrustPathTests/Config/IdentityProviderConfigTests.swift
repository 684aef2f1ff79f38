import Testing
import TrustPathConfig
import TrustPathEngine
import TrustPathModel

/// `identity-providers:` in the project file: who runs which identity provider.
@Suite("Project file: identity providers")
struct IdentityProviderConfigTests {
    @Test func readsOutsideAndOwnAndAppliesThemToTheSnapshot() throws {
        let yaml = """
        identity-providers:
          outside:
            - "arn:aws:iam::*:saml-provider/PartnerIdP"
          own:
            - https://gitlab.acme.example/
            - oidc.circleci.com/org/11111111-2222-3333-4444-555555555555
        """
        let config = try ProjectConfigLoader.parse(yaml, file: "trustpath.yml")
        #expect(config.identityProviders.outside == ["arn:aws:iam::*:saml-provider/PartnerIdP"])
        #expect(config.identityProviders.own == ["gitlab.acme.example", "oidc.circleci.com/org/11111111-2222-3333-4444-555555555555"])
        var snapshot = Snapshot(directory: "d")
        config.apply(to: &snapshot)
        #expect(snapshot.ownIdentityProviders == config.identityProviders.own)
        #expect(snapshot.outsideIdentityProviders == config.identityProviders.outside)
        #expect(snapshot.files.first?.detail.contains("2 own and 1 outside identity provider(s)") == true)
        let index = SnapshotIndex(snapshot)
        #expect(index.federatedStanding("arn:aws:iam::123456789012:saml-provider/PartnerIdP").isEntry)
        #expect(!index.federatedStanding("arn:aws:iam::123456789012:oidc-provider/gitlab.acme.example").isEntry)
        #expect(!index.federatedStanding("arn:aws:iam::123456789012:saml-provider/Okta").isEntry, "near miss: another provider")
    }

    static let mistakes: [(yaml: String, keyPath: String, expected: String, line: Int)] = [
        ("identity-providers:\n  partner: [x.example]\n", "identity-providers.partner", "one of the keys outside, own", 2),
        ("identity-providers:\n  own: gitlab.acme.example\n", "identity-providers.own", "a list", 2),
        ("identity-providers:\n  own:\n    - gitlab\n", "identity-providers.own[0]", "an OIDC issuer", 3),
        ("identity-providers:\n  outside:\n    - \"arn:aws:iam::1:role/Partner\"\n", "identity-providers.outside[0]", "a provider ARN", 3),
        ("identity-providers:\n  outside: [x.example]\n  own: [X.example]\n", "identity-providers.own[0]", "listed once", 3),
    ]

    @Test(arguments: 0..<mistakes.count)
    func mistakesNameTheFileLineAndKey(_ index: Int) {
        let mistake = Self.mistakes[index]
        do {
            _ = try ProjectConfigLoader.parse(mistake.yaml, file: "trustpath.yml")
            Issue.record("accepted \(mistake.yaml)")
        } catch {
            #expect(error.keyPath == mistake.keyPath)
            #expect(error.expected.contains(mistake.expected), "\(error.expected)")
            #expect(error.line == mistake.line)
            #expect(error.description.hasPrefix("trustpath.yml:\(mistake.line): \(mistake.keyPath)"))
        }
    }
}
