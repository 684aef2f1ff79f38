import Foundation
import Testing
import TrustPathAnalysis
import TrustPathIngest
import TrustPathJSON
import TrustPathModel

/// `trustpath collect` against moto's AWS emulator, driven through the real AWS CLI: what it collects must
/// analyze exactly as an export made independently (boto3's paginators), missing accounts must be named with
/// their reason (exit 3), and a second run must keep what the first read completely.
@Suite("Collect: a whole organization from moto", .serialized,
       .enabled(if: MotoServer.missing == nil, "moto_server, aws or python is missing from .venv: run `bash .ci/setup`"))
struct CollectMotoTests {
    @Test func collectsAsAnIndependentExportAndResumes() throws {
        let server = try MotoServer()
        defer { server.stop() }
        let organization = try MotoOrganization.create(on: server)
        let environment = server.environment.merging(
            ["AWS_ACCESS_KEY_ID": organization.adminKeyID, "AWS_SECRET_ACCESS_KEY": organization.adminSecret]) { _, new in new }
        let collected = try RenderTemporaryDirectory()
        let independent = try RenderTemporaryDirectory()

        // Pages of two: list-accounts (nine accounts) and the policy listings cross page boundaries in moto.
        let first = try CommandLineTests.run(["collect", "--out", collected.path, "--page-size", "2"],
                                             environment: environment)
        #expect(first.status == 3, "two accounts cannot be read: \(first.stderr)")
        let deletedLine = first.stderr.split(separator: "\n").first { $0.contains(organization.deletedRoleAccount) }
        #expect(deletedLine?.contains("OrganizationAccountAccessRole") == true, "\(first.stderr)")
        let closedLine = first.stderr.split(separator: "\n").first { $0.contains(organization.closedAccount) }
        #expect(closedLine?.contains("not ACTIVE") == true, "\(first.stderr)")

        let manifest = try Self.manifest(collected.path)
        #expect(Self.ids(manifest, "Read") == organization.readable.sorted())
        #expect(Self.ids(manifest, "Missing") == [organization.deletedRoleAccount, organization.closedAccount].sorted())
        #expect(manifest["Caller"]?.scalarText?.hasSuffix(":user/auditor") == true)
        #expect(manifest["Complete"] == .bool(false))

        try organization.exportIndependently(on: server, accounts: organization.readable, to: independent.path)
        let collectedAnalysis = try Self.analysis(collected.path)
        let independentAnalysis = try Self.analysis(independent.path)
        #expect(collectedAnalysis.snapshot.accounts.keys.sorted() == organization.readable.sorted())
        #expect(collectedAnalysis.snapshot.organizationPolicies.count == independentAnalysis.snapshot.organizationPolicies.count)
        #expect(collectedAnalysis.snapshot.organizationPolicies.contains { $0.name == "DenyLeavingAndIAMUsers" })
        #expect(collectedAnalysis.findings == independentAnalysis.findings)
        let targets = Set(collectedAnalysis.findings.map(\.target))
        for (account, role) in [(organization.members[1], "PublicReader"), (organization.members[2], "VendorLegacy")] {
            #expect(targets.contains("arn:aws:iam::\(account):role/\(role)"), "found: \(targets.sorted())")
        }
        let manifestNote = collectedAnalysis.snapshot.files.first { $0.path == "collection.json" }
        #expect(manifestNote?.detail.contains(organization.deletedRoleAccount) == true, "analyze names the missing accounts")

        // Second run, the two broken accounts excluded: only the account whose file is gone is read again.
        let removed = organization.members[0]
        try FileManager.default.removeItem(atPath: collected.path + "/gaad-\(removed).json")
        let keptPath = collected.path + "/gaad-\(organization.members[1]).json"
        let keptDate = try Self.modified(keptPath)
        let leftover = collected.path + "/gaad-000000000000.json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: leftover))
        // This time the caller's keys come from a named profile: the assumed role's child must not inherit it.
        let credentials = collected.url.deletingLastPathComponent().appendingPathComponent("credentials-\(UUID().uuidString)")
        try "[auditor]\naws_access_key_id = \(organization.adminKeyID)\naws_secret_access_key = \(organization.adminSecret)\n"
            .write(to: credentials, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: credentials) }
        var profileEnvironment = server.environment
        profileEnvironment["AWS_ACCESS_KEY_ID"] = nil
        profileEnvironment["AWS_SECRET_ACCESS_KEY"] = nil
        profileEnvironment["AWS_SHARED_CREDENTIALS_FILE"] = credentials.path
        let second = try CommandLineTests.run(["collect", "--out", collected.path, "--profile", "auditor",
                                               "--exclude", "\(organization.deletedRoleAccount),\(organization.closedAccount)"],
                                              environment: profileEnvironment)
        #expect(second.status == 0, "\(second.stderr)")
        let resumed = try Self.manifest(collected.path)
        let readAgain = Self.entries(resumed, "Read").filter { $0["KeptFromEarlierRun"] == .bool(false) }
        #expect(readAgain.compactMap { $0["AccountId"]?.scalarText } == [removed])
        #expect(try Self.modified(keptPath) == keptDate, "a complete file is kept without --refresh")
        #expect(resumed["Complete"] == .bool(true))
        #expect(resumed["Caller"]?.scalarText?.hasSuffix(":user/auditor") == true)
        #expect(Self.entries(resumed, "LeftFromEarlierRuns") == [.string("gaad-000000000000.json")])
        #expect(second.stderr.contains("gaad-000000000000.json"), "a file this run did not write is pointed out")
        try FileManager.default.removeItem(atPath: leftover)
        #expect(try Self.analysis(collected.path).findings == independentAnalysis.findings)
    }

    @Test func withoutTheAWSCLIItIsAUsageErrorThatSaysHowToInstallIt() throws {
        let directory = try RenderTemporaryDirectory()
        let run = try CommandLineTests.run(["collect", "--out", directory.path], environment: ["PATH": "/nonexistent"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("pip install awscli"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/collection.json"))
    }

    static func analysis(_ directory: String) throws -> (snapshot: Snapshot, findings: [Finding]) {
        let snapshot = try SnapshotLoader().load(directory: directory)
        return (snapshot, Analyzer.analyze(snapshot).findings)
    }

    static func manifest(_ directory: String) throws -> JSONValue {
        try JSONParser.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/collection.json"))))
    }

    static func entries(_ manifest: JSONValue, _ key: String) -> [JSONValue] {
        if case .array(let entries)? = manifest[key] { return entries }
        return []
    }

    static func ids(_ manifest: JSONValue, _ key: String) -> [String] {
        entries(manifest, key).compactMap { $0["AccountId"]?.scalarText }.sorted()
    }

    static func modified(_ path: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }
}
