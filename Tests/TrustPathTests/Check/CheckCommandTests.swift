import Foundation
import Testing
import TrustPathJSON

/// `trustpath check` as CI runs it: formats, exit codes, standard input, messages for bad files.
@Suite("check: the command")
struct CheckCommandTests {
    static func run(_ arguments: [String], stdin: String? = nil) throws -> CommandLineTests.Run {
        guard let stdin else { return try CommandLineTests.run(["check"] + arguments) }
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["check"] + arguments
        process.currentDirectoryURL = Paths.packageRoot
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                                    stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func jsonFindingsCarryWhereWhoWhatAndTheFix() throws {
        let run = try Self.run([CheckFixtures.path("partner-access.yaml"), CheckFixtures.path("plan.json"), "--format", "json",
                                "--account", CheckFixtures.prod])
        #expect(run.status == 0, "no gate without --fail-on")
        let json = try JSONParser.parse(run.stdout)
        guard case .array(let findings)? = json["findings"] else { Issue.record("no findings[]"); return }
        let partner = try #require(findings.first { $0["resource"]?.scalarText == "PartnerRole" })
        #expect(partner["file"]?.scalarText == CheckFixtures.path("partner-access.yaml"))
        #expect(partner["line"]?.scalarText == "39")
        #expect(partner["statement"]?.scalarText == "0")
        #expect(partner["entry"]?.scalarText == "external account 999988887777")
        #expect(partner["severity"]?.scalarText == "critical")
        #expect(partner["lacks"] == .array([.string("sts:ExternalId")]))
        #expect(partner["fix"]?.scalarText?.contains("sts:ExternalId") == true)
        let plan = try #require(findings.first { $0["resource"]?.scalarText == "aws_iam_role.partner" })
        #expect(plan["line"]?.scalarText == "5")
    }

    @Test func failOnGatesAtTheThreshold() throws {
        let policy = CheckFixtures.path("trust-policy.json")
        #expect(try Self.run([policy, "--fail-on", "low"]).status == 1, "the vendor statement is a low finding")
        #expect(try Self.run([policy, "--fail-on", "medium"]).status == 0)
        #expect(try Self.run([CheckFixtures.path("monitoring-fixed.yaml"), "--fail-on", "low"]).status == 0)
    }

    @Test func standardInputIsAPolicy() throws {
        let policy = #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}}"#
        let run = try Self.run(["-", "--format", "text"], stdin: policy)
        #expect(run.status == 0)
        #expect(run.stdout.contains("anyone (Principal *) can assume it"))
        #expect(run.stdout.contains("\n- checked-policy\n"), "standard input is named -")
    }

    @Test func withASnapshotTheTextSaysWhatTheTemplateOpens() throws {
        let run = try Self.run([CheckFixtures.path("partner-access.yaml"), "--snapshot", "Inputs/acme-2026-10",
                                "--account", CheckFixtures.prod, "--fail-on", "critical"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("this change lets external account 999988887777 reach OrgDeployAdmin (520388146927)"))
        #expect(run.stdout.contains("through partner-dev-deployer (520388146927) statement 0"))
        let many = try Self.run([CheckFixtures.path("partner-access.yaml"), "--snapshot", "Inputs/acme-2026-10"])
        #expect(many.status == 2 && many.stderr.contains("--account"), "a snapshot of several accounts needs --account")
    }

    @Test func sarifLocatesResultsInTheCheckedFile() throws {
        let run = try Self.run([CheckFixtures.path("partner-access.yaml"), "--format", "sarif"])
        let sarif = try JSONParser.parse(run.stdout)
        guard case .array(let runs)? = sarif["runs"], case .array(let results)? = runs.first?["results"] else {
            Issue.record("no results"); return
        }
        let partner = try #require(results.first { $0["message"]?["text"]?.scalarText?.contains("partner-dev-deployer") == true })
        guard case .array(let locations)? = partner["locations"] else { Issue.record("no locations"); return }
        let physical = locations.first?["physicalLocation"]
        #expect(physical?["artifactLocation"]?["uri"]?.scalarText == CheckFixtures.path("partner-access.yaml"))
        #expect(physical?["region"]?["startLine"]?.scalarText == "39")
        #expect(partner["ruleId"]?.scalarText == "TP002" && partner["level"]?.scalarText == "error")
        let absolute = try JSONParser.parse(try Self.run([CheckFixtures.directory.appendingPathComponent("trust-policy.json").path,
                                                          "--format", "sarif"]).stdout)
        guard case .array(let absoluteRuns)? = absolute["runs"], case .array(let absoluteResults)? = absoluteRuns.first?["results"],
              case .array(let absoluteLocations)? = absoluteResults.first?["locations"] else { Issue.record("no result"); return }
        let artifact = absoluteLocations.first?["physicalLocation"]?["artifactLocation"]
        #expect(artifact?["uri"]?.scalarText == "file://" + CheckFixtures.directory.appendingPathComponent("trust-policy.json").path)
        #expect(artifact?["uriBaseId"] == nil, "an absolute path is not relative to the source root")
        if SARIFSchemaTests.schemaExists {
            let problems = try SARIFSchemaTests.schema().validate(sarif)
            #expect(problems.isEmpty, "\(problems.prefix(10))")
        }
    }

    @Test func markdownIsATableForAPullRequest() throws {
        let run = try Self.run([CheckFixtures.path("partner-access.yaml"), "--format", "markdown", "--account", CheckFixtures.prod,
                                "--snapshot", "Inputs/acme-2026-10"])
        #expect(run.stdout.hasPrefix("## TrustPath check"))
        #expect(run.stdout.contains("| critical | Tests/TrustPathTests/Fixtures/check/partner-access.yaml:39 | PartnerRole |"))
        #expect(run.stdout.contains("### Opens in Inputs/acme-2026-10"))
    }

    /// A template of many open roles still makes a comment GitHub accepts, and says what it left out.
    @Test func markdownFitsAComment() throws {
        var yaml = "Resources:\n"
        for index in 0..<1_000 {
            yaml += "  Role\(index):\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: "
                + "{Statement: [{Effect: Allow, Principal: {AWS: \"arn:aws:iam::\(100_000_000_000 + index):root\"}, Action: \"sts:AssumeRole\"}]}\n"
        }
        let run = try Self.run(["-", "--format", "markdown"], stdin: yaml)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.utf8.count <= 65_536)
        #expect(run.stdout.contains("more finding(s) left out to fit a comment"))
    }

    @Test(arguments: ["alias-bomb.yaml", "few-aliases-bomb.yaml", "unknown-intrinsic.yaml", "google-plan.json", "not-a-template.json"])
    func badFilesExitTwoNamingTheFile(name: String) throws {
        let run = try Self.run([CheckFixtures.path(name)])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: \(CheckFixtures.path(name))"))
        #expect(run.stdout.isEmpty)
    }

    /// The project file names vendors: the same statement's entry becomes a known vendor, and a broken file stops the run.
    @Test func theProjectFileNamesVendors() throws {
        let policy = CheckFixtures.path("trust-policy.json")
        let named = try Self.run([policy, "--config", "Inputs/acme-2026-10/trustpath.yml"])
        #expect(named.stdout.contains("vendor MonitoringCo 283745091623 can assume it"))
        #expect(named.stdout.contains("the value MonitoringCo issued to you"))
        let plain = try Self.run([policy])
        #expect(plain.stdout.contains("external account 283745091623 can assume it"))
        let directory = try RenderTemporaryDirectory()
        let config = directory.url.appendingPathComponent("trustpath.yml")
        try Data("vendors: [not, a, map]\n".utf8).write(to: config)
        let broken = try Self.run([policy, "--config", config.path])
        #expect(broken.status == 2 && broken.stdout.isEmpty && broken.stderr.contains("vendors"))
    }

    @Test func aMissingFileAndABadAccountAreUsageErrors() throws {
        let missing = try Self.run(["/nonexistent/template.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/template.yaml: the file cannot be read"))
        #expect(try Self.run([CheckFixtures.path("trust-policy.json"), "--account", "12345"]).status == 2)
    }

    /// A role name that is a terminal escape sequence or a shell command is shown inert.
    @Test func hostileNamesAreEscapedInText() throws {
        let template = """
        Resources:
          R:
            Type: AWS::IAM::Role
            Properties:
              RoleName: "x\\e]0;pwned\\a$(touch /tmp/x)"
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: "*"}, Action: "sts:AssumeRole"}]}
        """
        let run = try Self.run(["-"], stdin: template)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(run.stdout.contains("\\u{1b}]0;pwned"))
    }
}
