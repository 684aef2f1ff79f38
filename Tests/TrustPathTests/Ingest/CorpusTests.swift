import Foundation
import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathIngest
import TrustPathModel

/// The public real-format exports in ../shared/corpus load with the counts its SOURCES.md gives.
/// The corpus lives beside the checkout; when it is absent these tests are skipped and say so.
@Suite("Corpus", .enabled(if: Paths.corpusExists, "../shared/corpus is absent: corpus tests skipped"))
struct CorpusTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var users: Int
        var groups: Int
        var roles: Int
        var policies: Int
        var testDescription: String { file }
    }

    static let authorizationDetails: [Expected] = [
        Expected(file: "cloudsplaining/example.json", users: 44, groups: 5, roles: 78, policies: 84),
        Expected(file: "cloudsplaining/example-authz-details.json", users: 3, groups: 2, roles: 3, policies: 32),
        Expected(file: "cloudsplaining/example_authz_v2.json", users: 1, groups: 1, roles: 2, policies: 2),
        Expected(file: "cloudsplaining/example_authz_details_for_overrides_complete.json", users: 1, groups: 1, roles: 2, policies: 3),
        Expected(file: "cloudmapper/iam-get-account-authorization-details.json", users: 2, groups: 1, roles: 4, policies: 2),
        Expected(file: "airiam/iam_data.json", users: 5, groups: 1, roles: 8, policies: 19),
        Expected(file: "iamspy/allow-testing-s3.json", users: 0, groups: 0, roles: 2, policies: 0),
        Expected(file: "iamspy/batch-allow.json", users: 0, groups: 0, roles: 3, policies: 0),
        Expected(file: "iamspy/role-boundary-allow.json", users: 0, groups: 0, roles: 1, policies: 1),
        Expected(file: "aws-cli-examples/get-account-authorization-details.json", users: 3, groups: 3, roles: 1, policies: 3),
    ]

    static func load(_ file: String) throws -> Snapshot {
        let data = try Data(contentsOf: Paths.corpus.appendingPathComponent(file))
        return SnapshotLoader().load(documents: [(file, [UInt8](data))])
    }

    @Test(arguments: authorizationDetails)
    func authorizationDetailsCountsMatchSources(expected: Expected) throws {
        let summary = SnapshotSummary(snapshot: try Self.load(expected.file))
        #expect(summary.users == expected.users)
        #expect(summary.groups == expected.groups)
        #expect(summary.roles == expected.roles)
        #expect(summary.policies == expected.policies)
        #expect(summary.files.map(\.kind) == [.authorizationDetails])
        #expect(summary.diagnostics.allSatisfy { $0.severity != .error })
    }

    @Test(arguments: [
        ("aws-cli-examples/list-roles.json", 2),
        ("cloud-custodian/test_ec2_iam_role_filter_by_role_name/iam.GetRole_2.json", 1),
        ("cloud-custodian/test_delete_role/iam.ListRoles_1.json", 2),
        ("cloud-custodian/test_iam_role_inuse/iam.ListRoles_1.json", 2),
        ("cloud-custodian/test_config_compliance_iam_role/iam.ListRoles_1.json", 2),
        ("cloud-custodian/test_iam_role_remove_boundary/iam.ListRoles_1.json", 1),
    ])
    func roleListingsAreUsedForTheirTrustPolicies(file: String, roles: Int) throws {
        let snapshot = try Self.load(file)
        #expect(snapshot.files.map(\.kind) == [.roleList])
        #expect(snapshot.allRoles.count == roles)
    }

    @Test func urlEncodedTrustPoliciesDecode() throws {
        let snapshot = try Self.load("cloud-custodian/test_ec2_iam_role_filter_by_role_name/iam.GetRole_2.json")
        let principal = try #require(snapshot.allRoles.first?.trustPolicy?.statements.first?.principal)
        #expect(principal.service.count == 5)
        #expect(principal.aws.contains { $0.hasSuffix("user/pratyush.mishra@capitalone.com") })
    }

    @Test func trustPolicyWithoutStatementAndMissingTrustAreAccepted() throws {
        let noStatement = try Self.load("cloud-custodian/test_config_compliance_iam_role/iam.ListRoles_1.json")
        #expect(noStatement.allRoles.allSatisfy { $0.trustPolicy?.statements.isEmpty == true })
        let missing = try Self.load("cloud-custodian/test_iam_role_remove_boundary/iam.ListRoles_1.json")
        #expect(missing.allRoles.first?.trustPolicy == nil)
        #expect(missing.diagnostics.map(\.code) == ["missing-trust-policy"])
    }

    @Test func organizationsExports() throws {
        let listing = try Self.load("aws-cli-examples/list-accounts.json")
        #expect(listing.organization?.members.count == 4)
        #expect(listing.organization?.id == "o-exampleorgid")
        let described = try Self.load("aws-cli-examples/describe-organization.json")
        #expect(described.organization?.managementAccountID == "111111111111")
        let placebo = try Self.load("cloud-custodian/test_org_account_describe/organizations.ListAccounts_1.json")
        #expect(placebo.organization?.members.keys.sorted() == ["644160558196"])
        let mismatch = try Self.load("cloud-custodian/test_account_org_info/organizations.DescribeOrganization_1.json")
        #expect(mismatch.organization?.id == "o-vjtynx2e3h")
        #expect(mismatch.diagnostics.map(\.code) == ["organization-id-mismatch"])
    }

    @Test func knownFindingsOfTheCorpus() throws {
        let cloudmapper = Analyzer.analyze(try Self.load("cloudmapper/iam-get-account-authorization-details.json"))
        #expect(cloudmapper.findings.first?.entry.kind == .public)
        #expect(cloudmapper.findings.first?.target == "arn:aws:iam::123456789012:role/bad_role")
        let example = Analyzer.analyze(try Self.load("cloudsplaining/example.json"))
        let external = example.findings.filter { $0.entry.kind == .externalAccount }
        #expect(Set(external.map(\.entry.id)) == ["072528804237"])
        #expect(external.contains { $0.path == ["072528804237", "arn:aws:iam::200611803367:role/OrganizationAccountAccessRole"] })
    }

    /// The Cloudsplaining example holds IAM Identity Center roles trusting the AWSSSO SAML provider: the
    /// organization's own identity provider, so no entry, no finding, and no hand edit of those roles' trust.
    @Test func identityCenterOfTheCloudsplainingExampleIsNoEntry() throws {
        let snapshot = try Self.load("cloudsplaining/example.json")
        let index = SnapshotIndex(snapshot)
        let saml = index.samlProviders()
        #expect(saml.contains { $0.provider.contains(":saml-provider/AWSSSO_") && !$0.roles.isEmpty })
        #expect(!EntryDiscovery.entries(in: index).contains { if case .federated = $0 { true } else { false } })
        let result = Analyzer.analyze(snapshot)
        #expect(!result.findings.contains { $0.entry.kind == .federated })
        let identityCenter = snapshot.allRoles.filter(\.isManagedByIdentityCenter)
        #expect(!identityCenter.isEmpty && identityCenter.allSatisfy { !$0.trustIsHandEditable && $0.identityCenterPermissionSet != nil })
    }

    @Test func everyCorpusFileLoadsOrIsSkippedWithAReason() throws {
        let enumerator = FileManager.default.enumerator(atPath: Paths.corpus.path)
        var count = 0
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".json") else { continue }
            count += 1
            let snapshot = try Self.load(relative)
            let file = try #require(snapshot.files.first)
            #expect(file.kind != .unreadable, "\(relative): \(file.detail)")
            if file.kind == .skipped { #expect(!file.detail.isEmpty) }
        }
        #expect(count >= 20)
    }
}
