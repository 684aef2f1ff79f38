import Foundation
import Testing
import TrustPathModel
import TrustPathPipeline
import TrustPathAnalysis
import TrustPathEngine
import TrustPathEscaping
import TrustPathRemediation

/// The fix scripts run for real: bash against a fake `aws` on PATH that logs every call's arguments and answers
/// `sts get-caller-identity` and `iam get-role`.
@Suite("Fix scripts: apply and rollback under bash")
struct ApplyScriptTests {
    static let prod = "520388146927"
    static let data = "734592018466"
    static let oldPolicy = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}"#

    /// A fix output directory with its scripts and policy files, a fake aws, and the calls it received.
    final class Workspace: @unchecked Sendable {
        let directory: RenderTemporaryDirectory
        let out: URL
        let calls: URL
        let bin: URL
        let plan: FixScriptPlan

        init(_ updates: [FixApplier.TrustPolicyUpdate]) throws {
            directory = try RenderTemporaryDirectory()
            out = directory.url.appendingPathComponent("out")
            calls = directory.url.appendingPathComponent("calls")
            bin = directory.url.appendingPathComponent("bin")
            for url in [out, calls, bin] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
            plan = FixScriptPlan(updates)
            for change in plan.changes {
                let url = out.appendingPathComponent(change.policyFile)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(change.update.document.utf8).write(to: url)
            }
            try Data(ApplyScript.render(plan).utf8).write(to: out.appendingPathComponent(ApplyScript.fileName))
            try Data(RollbackScript.render(plan).utf8).write(to: out.appendingPathComponent(RollbackScript.fileName))
            try Data(ApplyScriptTests.fakeAWS.utf8).write(to: bin.appendingPathComponent("aws"))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("aws").path)
        }

        struct Run { var status: Int32; var stdout: String; var stderr: String }

        func run(_ script: String, _ arguments: [String] = [], account: String) throws -> Run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["bash", out.appendingPathComponent(script).path] + arguments
            process.currentDirectoryURL = directory.url
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment["FAKE_AWS_CALLS"] = calls.path
            environment["FAKE_AWS_ACCOUNT"] = account
            process.environment = environment
            let stdout = Pipe(), stderr = Pipe()
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
            let output = stdout.fileHandleForReading.readDataToEndOfFile()
            let errors = stderr.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                       stderr: String(decoding: errors, as: UTF8.self))
        }

        /// Every call the fake aws received, in order: its arguments, and the policy file it was given.
        func awsCalls() throws -> [(arguments: [String], policy: String?)] {
            let names = try FileManager.default.contentsOfDirectory(atPath: calls.path)
                .filter { !$0.hasSuffix(".policy") }.sorted { (Int($0.dropFirst(5)) ?? 0) < (Int($1.dropFirst(5)) ?? 0) }
            return try names.map { name in
                let data = try Data(contentsOf: calls.appendingPathComponent(name))
                var arguments = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                if arguments.last == "" { arguments.removeLast() }
                let policy = try? String(contentsOf: calls.appendingPathComponent(name + ".policy"), encoding: .utf8)
                return (arguments, policy)
            }
        }

        func updates() throws -> [(role: String, policy: String)] {
            try awsCalls().filter { $0.arguments.starts(with: ["iam", "update-assume-role-policy"]) }
                .map { ($0.arguments[3], $0.policy ?? "") }
        }

        func exists(_ relative: String) -> Bool {
            FileManager.default.fileExists(atPath: out.appendingPathComponent(relative).path)
        }
    }

    /// Logs the arguments NUL-separated (they may hold newlines), copies the policy file it is given.
    static let fakeAWS = """
    #!/usr/bin/env bash
    set -eu
    n=$(( $(find "$FAKE_AWS_CALLS" -name 'call-*' ! -name '*.policy' | wc -l) + 1 ))
    printf '%s\\0' "$@" > "$FAKE_AWS_CALLS/call-$n"
    case "$1 $2" in
      "sts get-caller-identity") printf '%s\\n' "$FAKE_AWS_ACCOUNT" ;;
      "iam get-role") printf '%s\\n' '\(oldPolicy)' ;;
      "iam update-assume-role-policy")
        previous=""
        for argument in "$@"; do
          if [ "$previous" = "--policy-document" ]; then cat "${argument#file://}" > "$FAKE_AWS_CALLS/call-$n.policy"; fi
          previous="$argument"
        done ;;
      *) echo "fake aws: unexpected call: $*" >&2; exit 2 ;;
    esac
    """

    static func update(_ name: String, account: String = prod, document: String? = nil) -> FixApplier.TrustPolicyUpdate {
        let text = document ?? #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::\#(account):role/deployer"}, "Action": "sts:AssumeRole"}]}"# + "\n"
        let fix = Fix(id: "fix-\(name)", kinds: [.restrictPrincipalARN], role: "arn:aws:iam::\(account):role/\(name)", roleName: name,
                      statement: StatementReference(file: "gaad.json", jsonPath: "$", owner: name, index: 0, sid: nil),
                      summary: "In the trust policy of \(name), statement 0: allow only named roles",
                      addConditions: [], removeConditionKeys: [], replacePrincipals: [], placeholders: [])
        return FixApplier.TrustPolicyUpdate(role: "arn:aws:iam::\(account):role/\(name)", roleName: name, account: account,
                                            document: text, fixes: [fix])
    }

    @Test func theRightAccountSavesThenUpdatesEachRole() throws {
        let workspace = try Workspace([Self.update("OrgDeployAdmin"), Self.update("ci-deployer")])
        let run = try workspace.run(ApplyScript.fileName, account: Self.prod)
        #expect(run.status == 0, "\(run.stderr)")
        let calls = try workspace.awsCalls().map(\.arguments)
        #expect(calls.map { $0.prefix(2).joined(separator: " ") } == [
            "sts get-caller-identity", "iam get-role", "iam update-assume-role-policy", "iam get-role", "iam update-assume-role-policy",
        ], "the backup is taken before each update")
        #expect(calls[1] == ["iam", "get-role", "--role-name", "OrgDeployAdmin", "--query", "Role.AssumeRolePolicyDocument",
                             "--output", "json"])
        for change in workspace.plan.changes {
            let backup = try String(contentsOf: workspace.out.appendingPathComponent(change.backupFile), encoding: .utf8)
            #expect(backup == Self.oldPolicy + "\n")
        }
        #expect(try workspace.updates().map(\.policy) == workspace.plan.changes.map(\.update.document))
    }

    @Test func theWrongAccountStopsNamingBothAndChangesNothing() throws {
        let workspace = try Workspace([Self.update("OrgDeployAdmin")])
        let run = try workspace.run(ApplyScript.fileName, account: "111122223333")
        #expect(run.status != 0)
        #expect(run.stderr.contains("111122223333") && run.stderr.contains(Self.prod))
        #expect(try workspace.awsCalls().map { $0.arguments.prefix(2).joined(separator: " ") } == ["sts get-caller-identity"])
        #expect(!workspace.exists("backup"))
    }

    /// Two accounts: without arguments the first is applied and the run stops at the second; naming the second
    /// account with its credentials applies only that one.
    @Test func eachAccountIsCheckedOnItsOwn() throws {
        let workspace = try Workspace([Self.update("OrgDeployAdmin"), Self.update("LegacyAuditReader", account: Self.data)])
        let first = try workspace.run(ApplyScript.fileName, account: Self.prod)
        #expect(first.status != 0)
        #expect(first.stderr.contains(Self.data) && first.stderr.contains(Self.prod))
        #expect(try workspace.updates().map(\.role) == ["OrgDeployAdmin"])
        let second = try workspace.run(ApplyScript.fileName, [Self.data], account: Self.data)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try workspace.updates().map(\.role) == ["OrgDeployAdmin", "LegacyAuditReader"])
        let unknown = try workspace.run(ApplyScript.fileName, ["999988887777"], account: "999988887777")
        #expect(unknown.status != 0 && unknown.stderr.contains("no role in account 999988887777"))
    }

    @Test func aPlaceholderLeftRefusesBeforeAnyCall() throws {
        let document = #"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::\#(Self.prod):role/REPLACE-WITH-ALLOWED-ROLE"}, "#
            + #""Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "REPLACE-WITH-EXTERNAL-ID-ISSUED-BY-THE-VENDOR"}}}]}"#
        let workspace = try Workspace([Self.update("ci-deployer"), Self.update("OrgDeployAdmin", document: document)])
        let run = try workspace.run(ApplyScript.fileName, account: Self.prod)
        #expect(run.status != 0)
        let file = try #require(workspace.plan.changes.first { $0.update.roleName == "OrgDeployAdmin" }?.policyFile)
        #expect(run.stderr.contains("\(file) line 1: placeholder arn:aws:iam::\(Self.prod):role/REPLACE-WITH-ALLOWED-ROLE"))
        #expect(run.stderr.contains("placeholder REPLACE-WITH-EXTERNAL-ID-ISSUED-BY-THE-VENDOR"))
        #expect(try workspace.awsCalls().isEmpty, "not even the identity check runs: nothing may change")
        // Filled in, the same script runs.
        try Data(document.replacingOccurrences(of: "REPLACE-WITH-ALLOWED-ROLE", with: "deployer")
            .replacingOccurrences(of: "REPLACE-WITH-EXTERNAL-ID-ISSUED-BY-THE-VENDOR", with: "e7c1").utf8)
            .write(to: workspace.out.appendingPathComponent(file))
        #expect(try workspace.run(ApplyScript.fileName, account: Self.prod).status == 0)
    }

    /// Role names from a tampered export: command substitutions, backticks, quotes, newlines, path tricks. Nothing
    /// runs, every name reaches aws exactly, and every file stays inside the output directory.
    @Test func hostileRoleNamesNeverRun() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("trustpath-pwned-\(UUID().uuidString)").path
        let names = ["x$(touch \(marker)-1)", "`touch \(marker)-2`", "a'b\"c\\d", "line\ntouch \(marker)-3", "../../../../tmp/evil",
                     "-rf", "..", ".hidden", "$HOME;touch \(marker)-4", "x\u{1B}]0;title\u{07}", "a/b", "a_b"]
        let workspace = try Workspace(names.map { Self.update($0) })
        let run = try workspace.run(ApplyScript.fileName, account: Self.prod)
        #expect(run.status == 0, "\(run.stderr)")
        for suffix in 1...4 { #expect(!FileManager.default.fileExists(atPath: "\(marker)-\(suffix)")) }
        #expect(Set(try workspace.updates().map(\.role)) == Set(names), "each name reached aws exactly as written")
        for folder in ["trust-policies", "backup"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: workspace.out.appendingPathComponent(folder).path)
            #expect(files.count == names.count, "\(folder): one file per role, collisions (a/b, a_b) told apart")
            for file in files {
                #expect(!file.hasPrefix(".") && !file.hasPrefix("-") && !file.contains("/"))
                #expect(!file.unicodeScalars.contains { $0.value < 0x20 })
            }
        }
        let rollback = try workspace.run(RollbackScript.fileName, account: Self.prod)
        #expect(rollback.status == 0, "\(rollback.stderr)")
        for suffix in 1...4 { #expect(!FileManager.default.fileExists(atPath: "\(marker)-\(suffix)")) }
    }

    /// A NUL cannot be in a shell word, so a role named with one (no real IAM name has it) is left out, and said so.
    @Test func aRoleNameWithNULIsLeftOutAndSaid() throws {
        let workspace = try Workspace([Self.update("ok"), Self.update("bad\u{0}name")])
        #expect(workspace.plan.changes.map(\.update.roleName) == ["ok"])
        #expect(workspace.plan.skipped.count == 1 && workspace.plan.skipped[0].contains("NUL"))
        #expect(try String(contentsOf: workspace.out.appendingPathComponent(ApplyScript.fileName), encoding: .utf8)
            .contains("# arn:aws:iam::\(Self.prod):role/bad\\u{0}name: the role or account name holds a NUL character"))
        #expect(try workspace.run(ApplyScript.fileName, account: Self.prod).status == 0)
        #expect(try workspace.updates().map(\.role) == ["ok"])
    }

    @Test func rollbackRestoresTheSavedPolicies() throws {
        let workspace = try Workspace([Self.update("OrgDeployAdmin"), Self.update("ci-deployer")])
        #expect(try workspace.run(ApplyScript.fileName, account: Self.prod).status == 0)
        let wrong = try workspace.run(RollbackScript.fileName, account: "111122223333")
        #expect(wrong.status != 0 && wrong.stderr.contains("111122223333"))
        #expect(try workspace.updates().count == 2, "the wrong account restores nothing")
        // A role whose backup is missing (the apply stopped before it) is left alone and said so.
        let missing = try #require(workspace.plan.changes.first { $0.update.roleName == "ci-deployer" })
        try FileManager.default.removeItem(at: workspace.out.appendingPathComponent(missing.backupFile))
        let run = try workspace.run(RollbackScript.fileName, account: Self.prod)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("no backup \(missing.backupFile)"))
        let restores = try workspace.updates().dropFirst(2)
        #expect(restores.map(\.role) == ["OrgDeployAdmin"])
        #expect(restores.map(\.policy) == [Self.oldPolicy + "\n"])
    }

    /// A second apply keeps the first backup: it holds the policy from before any fix.
    @Test func aSecondApplyKeepsTheOriginalBackup() throws {
        let workspace = try Workspace([Self.update("OrgDeployAdmin")])
        #expect(try workspace.run(ApplyScript.fileName, account: Self.prod).status == 0)
        let backup = workspace.out.appendingPathComponent(try #require(workspace.plan.changes.first).backupFile)
        try Data("original\n".utf8).write(to: backup)
        let again = try workspace.run(ApplyScript.fileName, account: Self.prod)
        #expect(again.status == 0)
        #expect(try String(contentsOf: backup, encoding: .utf8) == "original\n")
        #expect(again.stdout.contains("keeping the earlier backup"))
    }
}

/// The demo as a new user runs it: `trustpath fix` writes the choke point with a placeholder in OrgDeployAdmin's
/// policy; the script refuses to run, and analyzing the fixed copy warns about the placeholder.
@Suite("Fix scripts: the demo's placeholders")
struct DemoPlaceholderTests {
    @Test func theDemoScriptRefusesAndTheFixedSnapshotSaysWhy() throws {
        let out = try RenderTemporaryDirectory()
        let fix = try CommandLineTests.run(["fix", Paths.inputs.appendingPathComponent(Demo.october).path, "--out", out.path])
        #expect(fix.status == 0, "\(fix.stderr)")
        let fakeBin = out.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: fakeBin, withIntermediateDirectories: true)
        let log = out.url.appendingPathComponent("aws-called")
        try Data("#!/bin/sh\ntouch '\(log.path)'\necho 520388146927\n".utf8).write(to: fakeBin.appendingPathComponent("aws"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fakeBin.appendingPathComponent("aws").path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", out.url.appendingPathComponent(ApplyScript.fileName).path]
        process.environment = ["PATH": fakeBin.path + ":/usr/bin:/bin"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = Pipe()
        try process.run()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(errors.contains("trust-policies/520388146927-OrgDeployAdmin.json line"))
        #expect(errors.contains("placeholder arn:aws:iam::520388146927:role/REPLACE-WITH-ALLOWED-ROLE"))
        #expect(!FileManager.default.fileExists(atPath: log.path), "aws is never called while a placeholder is left")
        let analyze = try CommandLineTests.run(["analyze", out.url.appendingPathComponent("snapshot").path, "--format", "json"])
        #expect(analyze.status == 0)
        #expect(analyze.stdout.contains("placeholder-in-trust-policy"))
        #expect(analyze.stdout.contains("the trust policy of OrgDeployAdmin still holds the placeholder"))
        #expect(analyze.stdout.contains("replace it before applying"))
        let original = try CommandLineTests.run(["analyze", Paths.inputs.appendingPathComponent(Demo.october).path, "--format", "json"])
        #expect(!original.stdout.contains("placeholder-in-trust-policy"), "a snapshot without placeholders gets no warning")
    }
}

/// From a tampered export to the scripts: `trustpath fix --all` on roles whose names are shell commands, then the
/// scripts run under bash with a fake aws. Nothing runs, every file stays inside --out.
@Suite("Fix scripts: a tampered export")
struct TamperedExportTests {
    @Test func rolesNamedAsCommandsStayNames() throws {
        let directory = try RenderTemporaryDirectory()
        let marker = directory.url.appendingPathComponent("pwned").path
        let names = ["x$(touch \(marker)-1)", "`touch \(marker)-2`", "a'b\"c", "line\ntouch \(marker)-3", "../../escape"]
        let input = directory.url.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data(HostileGAAD.document(names.map { HostileGAAD.role($0) }).utf8).write(to: input.appendingPathComponent("gaad.json"))
        let out = directory.url.appendingPathComponent("out")
        let fix = try CommandLineTests.run(["fix", input.path, "--out", out.path, "--all"])
        #expect(fix.status == 0, "\(fix.stderr)")
        let policies = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("trust-policies").path)
        #expect(policies.count == names.count)
        #expect(policies.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") && !$0.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in", "out"], "nothing outside --out")

        let workspace = try ApplyScriptTests.Workspace([])
        let run = { (script: String) throws -> ApplyScriptTests.Workspace.Run in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["bash", out.appendingPathComponent(script).path]
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = workspace.bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment["FAKE_AWS_CALLS"] = workspace.calls.path
            environment["FAKE_AWS_ACCOUNT"] = HostileGAAD.account
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = Pipe()
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return .init(status: process.terminationStatus, stdout: "", stderr: text)
        }
        let refused = try run(ApplyScript.fileName)
        #expect(refused.status != 0 && refused.stderr.contains("o-REPLACE-WITH-YOUR-ORG-ID"), "the organization id is to fill in")
        for file in policies {
            let url = out.appendingPathComponent("trust-policies").appendingPathComponent(file)
            try Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "o-REPLACE-WITH-YOUR-ORG-ID", with: "o-a1b2c3d4e5")
                .utf8).write(to: url)
        }
        let applied = try run(ApplyScript.fileName)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(Set(try workspace.updates().map(\.role)) == Set(names), "each name reached aws exactly")
        #expect(try run(RollbackScript.fileName).status == 0)
        for suffix in 1...3 { #expect(!FileManager.default.fileExists(atPath: "\(marker)-\(suffix)")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in", "out"])
    }
}

/// The placeholder warning itself: one per role and placeholder, with file and JSON path; a near miss gets none.
@Suite("Placeholder warnings")
struct PlaceholderWarningTests {
    @Test func oneWarningPerRoleAndPlaceholder() throws {
        let snapshot = HostileGAAD.load([("gaad.json", HostileGAAD.document([
            HostileGAAD.role("Vendor", principal: #"{"AWS": "arn:aws:iam::283745091623:root"}"#,
                             condition: #"{"StringEquals": {"sts:ExternalId": ["REPLACE-WITH-EXTERNAL-ID-ISSUED-BY-THE-VENDOR"], "aws:PrincipalOrgID": "o-REPLACE-WITH-YOUR-ORG-ID"}}"#),
            HostileGAAD.role("Worker", principal: #"{"AWS": "arn:aws:iam::520388146927:role/REPLACEMENT-WITH-care"}"#),
        ]))])
        let warnings = PlaceholderCheck.diagnostics(snapshot)
        #expect(warnings.count == 2, "two placeholders in Vendor; Worker's REPLACEMENT is a real name")
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.location?.file == "gaad.json" && $0.hint == "replace it before applying" })
        #expect(warnings.map { $0.location?.jsonPath ?? "" }.sorted() == [
            "$.RoleDetailList[0].AssumeRolePolicyDocument.Statement[0].Condition.StringEquals.aws:PrincipalOrgID",
            "$.RoleDetailList[0].AssumeRolePolicyDocument.Statement[0].Condition.StringEquals.sts:ExternalId",
        ])
        let input = PipelineInput(directory: "(memory)", snapshot: snapshot, config: ProjectConfig())
        let pipeline = Pipeline.run(input, options: PipelineOptions(stages: []))
        #expect(pipeline.analysis.diagnostics.filter { $0.code == "placeholder-in-trust-policy" }.count == 2, "the pipeline warns")
        #expect(pipeline.report.coverage.placeholders.count == 2, "and the report opens with them")
    }
}

/// The two escaping functions the scripts rest on, checked against bash itself.
@Suite("Escaping: shell words and file names")
struct ShellEscapingTests {
    static let hostile = ["", "plain", "it's", "'", "''", "$(id)", "`id`", "a\"b", "back\\slash", "new\nline", "tab\there",
                          "*", "~", "!x", "-n", "é ü 漢", "\u{1B}[31m", "${IFS}", "a b  c"]

    @Test func aShellWordIsTheTextItselfInBash() throws {
        let script = Self.hostile.map { "printf '%s\\0' " + Escape.shellWord($0) }.joined(separator: "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", "-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var words = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        words.removeLast()
        #expect(words == Self.hostile)
    }

    @Test func aCommentCannotEndItsLine() {
        #expect(Escape.shellComment("a\nrm -rf ~\r") == "a\\u{a}rm -rf ~\\u{d}")
    }

    @Test func fileNamesStayOnePlainName() {
        #expect(Escape.fileName("OrgDeployAdmin") == "OrgDeployAdmin")
        #expect(Escape.fileName("..") == "_.")
        #expect(Escape.fileName("../../etc/passwd") == "_._.._etc_passwd")
        #expect(Escape.fileName("-rf") == "_rf")
        #expect(Escape.fileName("") == "_")
        #expect(Escape.fileName("a\nb\u{0}c") == "a_b_c")
        #expect(Escape.fileName(String(repeating: "x", count: 500)).utf8.count == 200)
        #expect(Escape.uniqueFileNames(["a/b", "a_b", "A_B", "c"], suffix: ".json") == ["a_b.json", "a_b-2.json", "A_B-3.json", "c.json"])
    }
}
