import Foundation
import Testing

/// `--format pairs` from the built binary: streamed to standard output or the `--output` file, the same bytes as
/// the golden files; a write that fails exits 5 with the reason, a closed pipe ends the run without a crash.
@Suite("Command line: streamed output")
struct OutputStreamCommandTests {
    static func golden(_ name: String) throws -> String {
        try String(contentsOf: Golden.fixtures.appendingPathComponent("golden/\(name)"), encoding: .utf8)
    }

    /// Runs the binary through `/bin/sh`, which first runs `prelude` (signal dispositions and limits the binary
    /// inherits), with standard output going to `standardOutput`.
    static func run(_ arguments: [String], prelude: String, standardOutput: FileHandle) throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(prelude); exec \"$0\" \"$@\"", CommandLineTests.binary.path] + arguments
        process.currentDirectoryURL = Paths.packageRoot
        let err = Pipe()
        process.standardOutput = standardOutput
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process, String(decoding: stderr, as: UTF8.self))
    }

    @Test func pairsOnStandardOutputAndInAFileMatchTheGoldenFiles() throws {
        let analyze = try CommandLineTests.run(["analyze", "Inputs/acme-2026-10", "--format", "pairs"])
        #expect(analyze.status == 0)
        #expect(analyze.stdout == (try Self.golden("acme-2026-10.jsonl")))
        let diff = try CommandLineTests.run(["diff", "Inputs/acme-2026-10", "Inputs/acme-2026-11", "--format", "pairs"])
        #expect(diff.status == 0)
        #expect(diff.stdout == (try Self.golden("diff-acme-2026-10-to-2026-11.jsonl")))
        let directory = try RenderTemporaryDirectory()
        let output = directory.url.appendingPathComponent("pairs.jsonl").path
        let written = try CommandLineTests.run(["analyze", "Inputs/acme-2026-11", "--format", "pairs", "--output", output])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == (try Self.golden("acme-2026-11.jsonl")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pairs.jsonl"])
    }

    /// The file system refuses the rest half-way (a file size limit): exit 5 naming the file and the reason, the
    /// earlier file kept whole, no temporary file left.
    @Test func aFileThatCannotBeFinishedKeepsTheEarlierOne() throws {
        let directory = try RenderTemporaryDirectory()
        let output = directory.url.appendingPathComponent("pairs.jsonl").path
        try Data("earlier\n".utf8).write(to: URL(fileURLWithPath: output))
        let sink = try #require(FileHandle(forWritingAtPath: "/dev/null"))
        // 1 block of 512 bytes; the pairs are about 4.5 KB. Ignoring SIGXFSZ turns the limit into EFBIG.
        let (process, stderr) = try Self.run(["analyze", "Inputs/acme-2026-10", "--format", "pairs", "--output", output],
                                             prelude: "trap '' XFSZ; ulimit -f 1", standardOutput: sink)
        #expect(process.terminationReason == .exit && process.terminationStatus == 5)
        #expect(stderr == "error: cannot write \(output): File too large\n")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "earlier\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pairs.jsonl"])
    }

    @Test func aFullStandardOutputExitsFiveWithTheReason() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else {
            print("skipped: no /dev/full on this system")
            return
        }
        for format in ["pairs", "text"] {
            let (process, stderr) = try Self.run(["analyze", "Inputs/acme-2026-10", "--format", format], prelude: ":",
                                                 standardOutput: full)
            #expect(process.terminationReason == .exit && process.terminationStatus == 5, "\(format)")
            #expect(stderr == "error: cannot write standard output: No space left on device\n", "\(format)")
        }
    }

    /// A reader that went away: by default SIGPIPE ends the run quietly, as it ends other tools in a pipeline; when
    /// SIGPIPE is ignored, the broken pipe ends it with exit 5 and nothing said (the reader wanted no more).
    @Test func aClosedPipeEndsTheRunWithoutACrash() throws {
        for (prelude, ignored) in [(":", false), ("trap '' PIPE", true)] {
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            let (process, stderr) = try Self.run(["analyze", "Inputs/acme-2026-10", "--format", "pairs"], prelude: prelude,
                                                 standardOutput: pipe.fileHandleForWriting)
            if ignored {
                #expect(process.terminationReason == .exit && process.terminationStatus == 5)
            } else {
                #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE)
            }
            #expect(stderr.isEmpty, "no crash report, no message: \(stderr.prefix(300))")
        }
    }
}
