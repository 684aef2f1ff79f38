import Foundation
import Testing

/// Exit codes, messages on standard error, and a report of what could be read when part of the input could not.
@Suite("Command line: exit codes and partial input")
struct ExitCodeTests {
    static func run(_ arguments: [String]) throws -> CommandLineTests.Run { try CommandLineTests.run(arguments) }

    static func snapshot(_ files: [String: String]) throws -> RenderTemporaryDirectory {
        let directory = try RenderTemporaryDirectory()
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.url.appendingPathComponent(name))
        }
        return directory
    }

    @Test func theBinaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: CommandLineTests.binary.path), "run `swift build --build-tests` first")
    }

    /// One broken file of two: exit 3, and the report still analyzes the good file and names the broken one.
    @Test(arguments: ["text", "json", "markdown", "sarif"])
    func oneBrokenFileStillReportsTheRest(format: String) throws {
        let directory = try Self.snapshot([
            "good.json": HostileGAAD.document([HostileGAAD.role("OpenRole")]),
            "cut.json": String(HostileGAAD.document([HostileGAAD.role("Lost")]).prefix(120)),
        ])
        let run = try Self.run(["analyze", directory.path, "--format", format])
        #expect(run.status == 3)
        #expect(run.stdout.contains("OpenRole"), "the good file's finding is reported")
        #expect(run.stdout.contains("cut.json"), "the broken file is named in the \(format) report")
    }

    @Test func findingsAtTheThresholdExitOne() throws {
        let directory = try Self.snapshot(["good.json": HostileGAAD.document([HostileGAAD.role("OpenRole")])])
        #expect(try Self.run(["analyze", directory.path, "--fail-on", "high"]).status == 1)
        #expect(try Self.run(["analyze", directory.path, "--fail-on", "critical"]).status == 0)
    }

    /// A missing directory is a usage error (2); an empty one is input that cannot be analyzed (3).
    @Test func missingAndEmptyDirectoriesExitWithAMessage() throws {
        let missing = try Self.run(["analyze", "/nonexistent/trustpath-snapshot"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/trustpath-snapshot"))
        #expect(missing.stdout.isEmpty)
        let empty = try RenderTemporaryDirectory()
        let run = try Self.run(["summary", empty.path])
        #expect(run.status == 3)
        #expect(run.stderr.contains("get-account-authorization-details"), "says what to put there")
    }

    /// A report written with --output is whole or absent: a failing run leaves the earlier report as it was.
    @Test func failedWriteKeepsTheEarlierReport() throws {
        let directory = try Self.snapshot(["good.json": HostileGAAD.document([HostileGAAD.role("OpenRole")])])
        let output = directory.url.appendingPathComponent("out/report.json").path
        #expect(try Self.run(["analyze", directory.path, "--format", "json", "--output", output]).status == 0)
        let before = try String(contentsOfFile: output, encoding: .utf8)
        let run = try Self.run(["analyze", directory.url.appendingPathComponent("nothing-here").path,
                                "--format", "json", "--output", output])
        #expect(run.status == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("out").path)
        #expect(leftovers == ["report.json"], "no temporary files left behind")
    }

    /// The inputs kept from fuzzing (and written to be hard) load without a crash, each problem reported.
    @Test func fuzzRegressionInputsLoad() throws {
        let fixtures = Paths.packageRoot.appendingPathComponent("Tests/TrustPathTests/Fixtures/fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
        #expect(names.count >= 5)
        let fuzz = CommandLineTests.binary.deletingLastPathComponent().appendingPathComponent("trustpath-fuzz")
        let process = Process()
        process.executableURL = fuzz
        process.arguments = names.map { fixtures.appendingPathComponent($0).path }
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the replay of the fuzz regressions crashed")
        let summary = try Self.run(["summary", fixtures.path])
        #expect(summary.status == 3, "the broken policy documents are errors")
        #expect(summary.stdout.contains("url-encoded-depth-bomb.json"))
        #expect(summary.stdout.contains("(256 levels)"), "a depth bomb's path is abbreviated")
    }
}

/// The closed loop a user runs: `trustpath fix` writes a fixed copy of the snapshot, and analyzing that copy
/// finds no critical finding, on both demo snapshots.
@Suite("Command line: fix closes the loop")
struct FixLoopTests {
    @Test(arguments: [Demo.october, Demo.november])
    func fixedDemoSnapshotHasNoCriticalFinding(name: String) throws {
        let out = try RenderTemporaryDirectory()
        let input = Paths.inputs.appendingPathComponent(name).path
        let before = try ExitCodeTests.run(["analyze", input, "--fail-on", "critical"])
        #expect(before.status == 1, "the demo has critical findings to fix")
        let fix = try ExitCodeTests.run(["fix", input, "--out", out.path])
        #expect(fix.status == 0, "\(fix.stderr)")
        let fixed = out.url.appendingPathComponent("snapshot").path
        let after = try ExitCodeTests.run(["analyze", fixed, "--fail-on", "critical", "--format", "json"])
        #expect(after.status == 0, "critical findings remain after the choke-point fixes")
        let script = try String(contentsOf: out.url.appendingPathComponent("apply-fixes.sh"), encoding: .utf8)
        #expect(script.contains("aws iam update-assume-role-policy"))
    }
}
