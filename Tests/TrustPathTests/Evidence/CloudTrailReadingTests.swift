import Foundation
import Testing
import TrustPathEvidence
import TrustPathModel

/// A trail as S3 delivers it: gzipped and plain files, every caller kind, failed calls and bad files.
@Suite("CloudTrail reading")
struct CloudTrailReadingTests {
    typealias F = CloudTrailFixtures

    static let target = F.role(F.member, "VendorAccess")
    static let deploy = F.role(F.member, "Deploy")
    static let admin = F.role(F.member2, "Admin")

    /// Every caller kind, in two gzipped files of two days and one plain file.
    static func trail() -> [(String, [UInt8])] {
        let day1 = F.logFile([
            F.assume(identity: F.accountIdentity(F.outside), role: target, time: "2026-11-02T10:00:00Z"),
            F.assume(identity: F.accountIdentity(F.outside), role: target, time: "2026-11-01T09:00:00Z"),
            F.assume(identity: F.sessionIdentity(deploy), role: admin, time: "2026-11-01T09:05:00Z"),
            F.unrelated(time: "2026-11-01T09:06:00Z"),
            F.assume(identity: F.accountIdentity(F.outside), role: admin, time: "2026-11-01T09:07:00Z", errorCode: "AccessDenied"),
        ])
        let day2 = F.logFile([
            F.assume(identity: F.accountIdentity(F.outside), role: target, time: "2026-11-30T08:15:02Z"),
            F.assume(identity: F.userIdentity(F.member, "alice"), role: deploy, time: "2026-11-30T08:16:00Z"),
            F.assume("AssumeRoleWithWebIdentity",
                     identity: F.webIdentity("arn:aws:iam::\(F.member):oidc-provider/token.actions.githubusercontent.com"),
                     role: deploy, time: "2026-11-30T08:17:00Z"),
        ])
        let plain = F.logFile([
            F.assume("AssumeRoleWithWebIdentity", identity: F.webIdentity("https://Token.Actions.GitHubUserContent.com/"),
                     role: deploy, time: "2026-11-15T12:00:00Z"),
            F.assume("AssumeRoleWithSAML", identity: F.samlIdentity, role: admin, time: "2026-11-15T12:01:00Z",
                     extraRequest: #""principalArn": "arn:aws:iam::\#(F.member2):saml-provider/Okta""#),
            F.assume(identity: #"{"type": "AWSService", "invokedBy": "events.amazonaws.com"}"#, role: target,
                     time: "2026-11-15T12:02:00Z"),
        ])
        return [
            (F.logPath(account: F.member, day: 1, serial: 1), F.gzip(day1)),
            (F.logPath(account: F.member, day: 30, serial: 2), F.gzip(day2)),
            (F.logPath(account: F.member2, day: 15, serial: 3, gzip: false), plain),
        ]
    }

    static func load(_ files: [(String, [UInt8])], workers: Int = 2) throws -> (CloudTrailIndex, [Diagnostic]) {
        let root = try F.directory(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let loaded = try CloudTrailLoader(workers: workers).load(root.path)
        return (loaded.index, loaded.diagnostics)
    }

    @Test func outsideAccountCallsAreCountedWithTheirSpan() throws {
        let (index, diagnostics) = try Self.load(Self.trail())
        #expect(diagnostics.isEmpty)
        #expect(index.observed(caller: F.outside, role: Self.target)
                == Observation(count: 3, firstSeen: "2026-11-01T09:00:00Z", lastSeen: "2026-11-30T08:15:02Z"))
        #expect(index.observed(caller: F.outside, role: Self.target)?.usedBy(F.outside)
                == "used by 307946673750: 3 times, last 2026-11-30")
    }

    @Test func eachCallerKindIsNamedAsTheAnalysisNamesIt() throws {
        let (index, _) = try Self.load(Self.trail())
        let callers = Set(index.assumptions.map { "\($0.caller.kind.rawValue) \($0.caller.id) -> \($0.role)" })
        #expect(callers == [
            "account \(F.outside) -> \(Self.target)",
            "role-session \(Self.deploy) -> \(Self.admin)",
            "user arn:aws:iam::\(F.member):user/alice -> \(Self.deploy)",
            "web-identity token.actions.githubusercontent.com -> \(Self.deploy)",
            "saml arn:aws:iam::\(F.member2):saml-provider/Okta -> \(Self.admin)",
            "service events.amazonaws.com -> \(Self.target)",
        ])
        // The provider ARN and the issuer URL are one issuer.
        #expect(index.observed(caller: "token.actions.githubusercontent.com", role: Self.deploy)?.count == 2)
        #expect(index.callers(of: Self.admin).first { $0.caller.kind == .roleSession }?.caller.account == F.member)
    }

    @Test func failedCallsAreSkippedAndCounted() throws {
        let (index, _) = try Self.load(Self.trail())
        #expect(index.observed(caller: F.outside, role: Self.admin) == nil)
        #expect(index.statistics.failedCalls == 1)
        #expect(index.statistics.assumptions == 9)
        #expect(index.statistics.records == 11)
        #expect(index.statistics.files == 3)
    }

    @Test func theResultDoesNotDependOnTheNumberOfWorkers() throws {
        let files = Self.trail()
        let (one, _) = try Self.load(files, workers: 1)
        let (three, _) = try Self.load(files, workers: 3)
        #expect(one == three)
    }

    @Test func oneFileCanBeGivenAlone() throws {
        let root = try F.directory([("one.json", F.logFile([
            F.assume(identity: F.accountIdentity(F.outside), role: Self.target, time: "2026-11-02T10:00:00Z"),
        ]))])
        defer { try? FileManager.default.removeItem(at: root) }
        let (index, _) = try CloudTrailLoader.load(root.appendingPathComponent("one.json").path)
        #expect(index.observed(caller: F.outside, role: Self.target)?.count == 1)
    }

    @Test func aMissingDirectoryOrOneWithoutLogsIsAnError() throws {
        #expect(throws: CloudTrailLoadError.notFound("/nonexistent/trail")) { try CloudTrailLoader.load("/nonexistent/trail") }
        let root = try F.directory([("notes.txt", Array("hello".utf8))])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: CloudTrailLoadError.noLogFiles(root.path)) { try CloudTrailLoader.load(root.path) }
    }
}
