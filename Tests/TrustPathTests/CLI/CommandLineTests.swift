import Foundation
import Testing

/// The built `trustpath` binary, run the way people and CI run it.
@Suite("Command line")
struct CommandLineTests {
    /// Beside the test bundle (`swift build --build-tests` builds both into one directory).
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("trustpath")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Paths.packageRoot.appendingPathComponent(".build/debug/trustpath")
    }()

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Paths.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func inAPipeTheReportHasNoEscapeCodes() throws {
        let run = try Self.run(["analyze", "Inputs/acme-2026-10"], environment: ["NO_COLOR": ""])
        #expect(run.status == 0)
        #expect(run.stdout.contains("vendor MonitoringCo 283745091623"))
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(!run.stderr.contains("\u{1B}"), "no progress line when standard error is not a terminal")
    }

    @Test func aBadProjectFileStopsWithExitCode2AndSaysWhere() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tp-bad-\(UUID().uuidString).yml")
        try "accepted-risks:\n  - {entry: \"*\", target: \"*\", reason: r, expires: soon}\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try Self.run(["analyze", "Inputs/acme-2026-10", "--config", file.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(file.path):2: accepted-risks[0].expires: expected an expiry date YYYY-MM-DD, found \"soon\""))
    }

    @Test func aUsageErrorExitsWith2() throws {
        #expect(try Self.run(["analyze"]).status == 2)
        #expect(try Self.run(["analyze", "Inputs/acme-2026-10", "--fail-on", "dreadful"]).status == 2)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGenerated(shell: String) throws {
        let run = try Self.run(["--generate-completion-script", shell])
        #expect(run.status == 0)
        #expect(run.stdout.contains("analyze") && run.stdout.contains("config") && run.stdout.contains("fail-on"))
    }

    @Test(arguments: ["summary", "analyze", "explain", "fix", "render", "diff", "snapshot", "snapshot save", "snapshot list",
                      "snapshot show", "history"])
    func everyCommandsHelpHasExamples(command: String) throws {
        let run = try Self.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Example"), "\(command) --help has no example")
        #expect(run.stdout.contains("trustpath \(command)"), "\(command) --help shows no invocation of itself")
    }
}
