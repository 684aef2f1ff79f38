import Foundation
import Testing
import TrustPathIngest
import TrustPathModel

/// `RoleLastUsed` and `MaxSessionDuration` are read when present and tolerated when absent or malformed.
@Suite("Role last use and session duration")
struct RoleUsageDecodingTests {
    static func load(_ roleFields: String) -> (Role?, [Diagnostic]) {
        let text = """
        {"UserDetailList": [], "GroupDetailList": [], "Policies": [], "RoleDetailList": [{
          "Path": "/", "RoleName": "Deploy", "RoleId": "AROAEXAMPLEID1234567", "Arn": "arn:aws:iam::111122223333:role/Deploy",
          "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
          "RolePolicyList": [], "AttachedManagedPolicies": [], "Tags": []\(roleFields.isEmpty ? "" : ", " + roleFields)}]}
        """
        let snapshot = SnapshotLoader().load(documents: [("gaad.json", Array(text.utf8))])
        return (snapshot.allRoles.first, snapshot.diagnostics)
    }

    @Test func presentValuesAreRead() {
        let (role, diagnostics) = Self.load(#""MaxSessionDuration": 43200, "RoleLastUsed": {"LastUsedDate": "2026-11-02T09:14:00Z", "Region": "eu-west-1"}"#)
        #expect(role?.lastUsed == RoleLastUsed(date: "2026-11-02T09:14:00Z", region: "eu-west-1"))
        #expect(role?.lastUsed?.day == "2026-11-02")
        #expect(role?.maxSessionDuration == 43200)
        #expect(diagnostics.isEmpty)
    }

    @Test func pythonStyleDatesAndOffsetsBecomeUTC() {
        #expect(Self.load(#""RoleLastUsed": {"LastUsedDate": "2022-08-07 12:56:44+00:00"}"#).0?.lastUsed?.date == "2022-08-07T12:56:44Z")
        #expect(Self.load(#""RoleLastUsed": {"LastUsedDate": "2026-01-01T01:30:00+02:00"}"#).0?.lastUsed?.date == "2025-12-31T23:30:00Z")
        #expect(Self.load(#""RoleLastUsed": {"LastUsedDate": 1793606400}"#).0?.lastUsed?.date == "2026-11-02T08:00:00Z")
    }

    @Test func absentOrEmptyMeansNoRecordedUseAndNoDiagnostic() {
        for fields in ["", #""RoleLastUsed": {}"#, #""RoleLastUsed": {"Region": "us-east-1"}"#, #""RoleLastUsed": null"#] {
            let (role, diagnostics) = Self.load(fields)
            #expect(role != nil)
            #expect(role?.lastUsed == nil)
            #expect(role?.maxSessionDuration == nil)
            #expect(diagnostics.isEmpty, "\(fields)")
        }
    }

    @Test(arguments: [
        (#""RoleLastUsed": "2026-11-02""#, "$.RoleDetailList[0].RoleLastUsed"),
        (#""RoleLastUsed": {"LastUsedDate": true}"#, "$.RoleDetailList[0].RoleLastUsed.LastUsedDate"),
        (#""RoleLastUsed": {"LastUsedDate": "last tuesday"}"#, "$.RoleDetailList[0].RoleLastUsed.LastUsedDate"),
        (#""MaxSessionDuration": "3600""#, "$.RoleDetailList[0].MaxSessionDuration"),
        (#""MaxSessionDuration": -5"#, "$.RoleDetailList[0].MaxSessionDuration"),
    ])
    func wrongTypesAreADiagnosticAndTheRoleIsKept(fields: String, path: String) {
        let (role, diagnostics) = Self.load(fields)
        #expect(role?.name == "Deploy")
        #expect(role?.trustPolicy != nil)
        #expect(role?.lastUsed == nil)
        #expect(role?.maxSessionDuration == nil)
        #expect(diagnostics.map(\.location?.jsonPath) == [path])
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.location?.file == "gaad.json" })
    }

    @Test func theFieldsSurviveEncodingAndCopies() throws {
        let (loaded, _) = Self.load(#""MaxSessionDuration": 7200, "RoleLastUsed": {"LastUsedDate": "2026-11-02T09:14:00Z"}"#)
        let role = try #require(loaded)
        let decoded = try JSONDecoder().decode(Role.self, from: JSONEncoder().encode(role))
        #expect(decoded == role)
        #expect(decoded.maxSessionDuration == 7200)
        var copy = role
        copy.maxSessionDuration = 3600
        #expect(role.maxSessionDuration == 7200)
        #expect(copy != role)
    }

    @Test(.enabled(if: Paths.corpusExists, "../shared/corpus is absent: skipped"))
    func theAWSCLIExampleExportCarriesItsLastUse() throws {
        let file = "aws-cli-examples/get-account-authorization-details.json"
        let data = try Data(contentsOf: Paths.corpus.appendingPathComponent(file))
        let snapshot = SnapshotLoader().load(documents: [(file, [UInt8](data))])
        let role = snapshot.allRoles.first { $0.name == "EC2role" }
        #expect(role?.lastUsed == RoleLastUsed(date: "2019-11-13T17:30:00Z", region: "us-west-2"))
        let listing = "aws-cli-examples/list-roles.json"
        let roles = SnapshotLoader().load(documents: [(listing, [UInt8](try Data(contentsOf: Paths.corpus.appendingPathComponent(listing))))])
        #expect(roles.allRoles.map(\.maxSessionDuration) == [3600, 3600])
    }
}
