import Foundation
import Testing
@testable import TrustPathCollect

/// How `collect` runs the `aws` program, checked with a stand-in script on PATH that reports what it was given:
/// the profile only for the caller's own calls, an assumed role's keys only in its child's environment (and no
/// profile there), `--endpoint-url` only for a CLI too old to read AWS_ENDPOINT_URL, retries while throttled.
@Suite("Collect: running the aws program")
struct CollectCLIPlumbingTests {
    /// A directory holding an executable `aws` that answers `--version` with `version`, fails with Throttling
    /// the first `throttled` times, then prints its arguments and credential variables as JSON.
    static func standIn(version: String, throttled: Int = 0) throws -> RenderTemporaryDirectory {
        let directory = try RenderTemporaryDirectory()
        let script = """
            #!/bin/sh
            if [ "$1" = "--version" ]; then echo "\(version)"; exit 0; fi
            count_file="\(directory.path)/count"
            count=$(cat "$count_file" 2>/dev/null || echo 0)
            echo $((count + 1)) > "$count_file"
            if [ "$count" -lt \(throttled) ]; then
              echo "An error occurred (Throttling) when calling the ListParents operation: Rate exceeded" >&2
              exit 254
            fi
            printf '{"Args": "%s", "Profile": "%s", "Key": "%s", "Token": "%s", "Pager": "%s"}\\n' \\
              "$*" "$AWS_PROFILE" "$AWS_ACCESS_KEY_ID" "$AWS_SESSION_TOKEN" "${AWS_PAGER-unset}"
            """
        let path = directory.path + "/aws"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return directory
    }

    static func answer(_ result: CommandResult) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: result.output)
    }

    @Test func theProfileIsForTheCallersCallsAndTheRoleKeysOnlyForItsChild() throws {
        let directory = try Self.standIn(version: "aws-cli/2.22.35 Python/3.12.6 Linux/6.1 exe/x86_64")
        let environment = ["PATH": directory.path + ":/usr/bin:/bin", "AWS_PROFILE": "from-the-shell", "AWS_ACCESS_KEY_ID": "AKIASHELL",
                           "AWS_ENDPOINT_URL": "http://127.0.0.1:1"]
        let cli = try AWSCommandLine(profile: "audit", environment: environment)
        let own = try Self.answer(cli.run(["sts", "get-caller-identity"]))
        #expect(own["Args"] == "sts get-caller-identity --output json --profile audit")
        #expect(own["Pager"] == "", "no pager waits for a keypress")
        let role = TemporaryCredentials(accessKeyID: "ASIAROLE", secretAccessKey: "secret", sessionToken: "token")
        let child = try Self.answer(cli.run(["iam", "get-account-authorization-details"], as: role))
        #expect(child["Args"] == "iam get-account-authorization-details --output json", "no --profile, no endpoint flag")
        #expect(child["Profile"] == "", "the shell's AWS_PROFILE is not passed to the role's child")
        #expect(child["Key"] == "ASIAROLE")
        #expect(child["Token"] == "token")
        #expect(ProcessInfo.processInfo.environment["AWS_SESSION_TOKEN"] != "token", "nothing leaks into this process")
    }

    @Test func anOldVersionOneGetsTheEndpointAsAFlag() throws {
        let directory = try Self.standIn(version: "aws-cli/1.20.0 Python/3.8.10 Linux/5.4 botocore/1.21.0")
        let cli = try AWSCommandLine(environment: ["PATH": directory.path + ":/usr/bin:/bin", "AWS_ENDPOINT_URL": "http://127.0.0.1:4566"])
        let answer = try Self.answer(cli.run(["organizations", "list-roots"]))
        #expect(answer["Args"] == "organizations list-roots --output json --endpoint-url http://127.0.0.1:4566")
    }

    @Test func aThrottledCallIsRetriedUntilItSucceedsOrTheAttemptsRunOut() throws {
        let directory = try Self.standIn(version: "aws-cli/2.22.35 Python/3.12.6 Linux/6.1 exe/x86_64", throttled: 2)
        let cli = try AWSCommandLine(environment: ["PATH": directory.path + ":/usr/bin:/bin"])
        let giveUp = Throttling(initialBackoff: 0.01, maximumAttempts: 2).run { cli.run(["organizations", "list-parents"]) }
        #expect(Throttling.isThrottled(giveUp), "two attempts, both throttled")
        try FileManager.default.removeItem(atPath: directory.path + "/count")
        let retried = Throttling(initialBackoff: 0.01, maximumAttempts: 3).run { cli.run(["organizations", "list-parents"]) }
        #expect(retried.status == 0)
        #expect(try String(contentsOfFile: directory.path + "/count", encoding: .utf8) == "3\n")
    }

    @Test func aProgramThatIsNotTheAWSCLIIsRefused() throws {
        let directory = try Self.standIn(version: "something else 1.0")
        #expect(throws: CollectError.self) { try AWSCommandLine(environment: ["PATH": directory.path + ":/usr/bin:/bin"]) }
    }
}
