import Foundation
import Testing
@testable import TrustPathCollect
import TrustPathIngest

/// The small decisions of `collect` that need no emulator: which CLI reads AWS_ENDPOINT_URL, what an error
/// line means, which accounts are read, and what a throttled call is.
@Suite("Collect: rules")
struct CollectRulesTests {
    @Test(arguments: [
        ("aws-cli/1.46.3 Python/3.11.7 Linux/6.18 botocore/1.43.62", true),
        ("aws-cli/1.29.0 Python/3.11.7 Linux/6.18 botocore/1.31.0", true),
        ("aws-cli/1.27.0 Python/3.9.2 Linux/5.10 botocore/1.29.165", false),
        ("aws-cli/2.13.0 Python/3.11.4 Linux/6.1 exe/x86_64.debian.12", true),
        ("aws-cli/2.9.19 Python/3.9.11 Linux/5.15 exe/x86_64.ubuntu.22", false),
        ("aws-cli/2.22.35 Python/3.12.6 Darwin/24.1.0 exe/x86_64", true),
    ])
    func endpointVariableSupport(version: String, reads: Bool) {
        #expect(AWSCommandLine.readsEndpointVariable(version: version) == reads)
    }

    @Test func errorCodeAndSummaryComeFromTheCLIsSentence() {
        let denied = CommandResult(status: 254, output: Data(), errorText: """

            An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/a is not authorized
            """)
        #expect(denied.errorCode == "AccessDenied")
        #expect(denied.errorSummary.hasPrefix("An error occurred (AccessDenied)"))
        let html = CommandResult(status: 255, output: Data(), errorText: "Unable to parse response, invalid XML received:\nb'<!doctype html>'\n")
        #expect(html.errorCode == nil)
        #expect(html.errorSummary == "Unable to parse response, invalid XML received:", "the raw body is left out")
        #expect(CommandResult(status: 1, output: Data(), errorText: "").errorSummary == "exit status 1")
    }

    @Test func throttlingIsRecognisedOnlyOnFailure() {
        let throttled = CommandResult(status: 254, output: Data(),
                                      errorText: "An error occurred (Throttling) when calling the ListParents operation: Rate exceeded")
        #expect(Throttling.isThrottled(throttled))
        #expect(!Throttling.isThrottled(CommandResult(status: 0, output: Data("{\"Throttling\": 1}".utf8), errorText: "")))
        #expect(!Throttling.isThrottled(CommandResult(status: 254, output: Data(),
                                                      errorText: "An error occurred (AccessDenied) when calling …")))
    }

    @Test func accountsAreChosenFromTheOrganizationsList() {
        let members = [
            MemberAccount(id: "111111111111", name: "a", state: "ACTIVE"),
            MemberAccount(id: "222222222222", name: "b", state: "SUSPENDED"),
            MemberAccount(id: "333333333333", name: "c", state: "ACTIVE"),
        ]
        let all = AccountSelection.choose(members: members, requested: nil, excluded: ["333333333333"],
                                          callerAccount: "111111111111", organizationID: "o-abc")
        #expect(all.accounts.map(\.id) == ["111111111111"])
        #expect(all.unreadable.map(\.id) == ["222222222222"], "a suspended account is missing, with its state")
        #expect(all.unreadable.first?.reason.contains("SUSPENDED") == true)
        let named = AccountSelection.choose(members: members, requested: ["333333333333", "444444444444", "333333333333"],
                                            excluded: [], callerAccount: "111111111111", organizationID: "o-abc")
        #expect(named.accounts.map(\.id) == ["333333333333"])
        #expect(named.unreadable.map(\.id) == ["444444444444"], "an id that is not a member is named, not dropped")
        let standalone = AccountSelection.choose(members: nil, requested: nil, excluded: [], callerAccount: "555555555555",
                                                 organizationID: nil)
        #expect(standalone.accounts.map(\.id) == ["555555555555"])
    }
}

@Suite("Collect: what counts as a whole export")
struct CollectExportCheckTests {
    @Test func onlyAWholeObjectWithRolesIsWritten() {
        let whole = #"{"UserDetailList": [], "RoleDetailList": [{"RoleName": "a"}], "Policies": []}"# + "\n"
        #expect(AccountCollector.isCompleteExport(Array(whole.utf8)))
        #expect(!AccountCollector.isCompleteExport(Array(whole.utf8.dropLast(5))), "cut off")
        #expect(!AccountCollector.isCompleteExport(Array((whole + "{}").utf8)), "something after the object")
        #expect(!AccountCollector.isCompleteExport(Array(#"{"Accounts": []}"#.utf8)), "not an IAM export")
        #expect(!AccountCollector.isCompleteExport(Array(#"[{"RoleDetailList": []}]"#.utf8)))
        #expect(!AccountCollector.isCompleteExport([]))
    }
}

@Suite("Collect: analyze reads the manifest as a note")
struct CollectManifestReadingTests {
    @Test func theManifestIsSkippedWithItsMissingAccountsNamed() throws {
        let manifest = CollectionManifest(
            startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 60),
            caller: "arn:aws:iam::111111111111:user/auditor", callerAccount: "111111111111", awsCLI: "aws-cli/2.22.0",
            roleName: "TrustPathAudit", organizationID: "o-abc",
            read: [.init(id: "111111111111", name: "m", file: "gaad-111111111111.json", via: "the caller's credentials",
                         collectedAt: Date(timeIntervalSince1970: 30), kept: false)],
            missing: [.init(id: "222222222222", name: "b", reason: "AccessDenied on sts:AssumeRole")],
            excluded: [], organizationFailures: [], organizationFiles: [])
        let text = manifest.json()
        #expect(text.contains("\"StartedAt\": \"1970-01-01T00:00:00Z\""))
        let snapshot = SnapshotLoader().load(documents: [("collection.json", Array(text.utf8))])
        let file = try #require(snapshot.files.first)
        #expect(file.kind == .skipped)
        #expect(file.detail.contains("1 account(s) read, 1 missing (222222222222"))
        #expect(snapshot.accounts.isEmpty, "its Read list is not taken for an export")
    }
}
