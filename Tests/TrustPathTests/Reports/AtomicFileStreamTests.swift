import Foundation
import Testing
import TrustPathReport

/// A file written piece by piece is still whole or absent: the pieces go to a temporary file renamed into place.
@Suite("Reports: atomic file written in pieces")
struct AtomicFileStreamTests {
    struct Interrupted: Error {}

    static func names(in directory: RenderTemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func piecesMakeTheFileAndReplaceAnEarlierOne() throws {
        let directory = try RenderTemporaryDirectory()
        let path = directory.url.appendingPathComponent("deep/out.jsonl").path
        try AtomicFile.write("earlier\n", to: path)
        try AtomicFile.write(to: path) { sink in
            for line in 0..<1000 { try sink.write("{\"line\":\(line)}\n") }
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("{\"line\":0}\n{\"line\":1}\n") && text.hasSuffix("{\"line\":999}\n"))
        #expect(text.split(separator: "\n").count == 1000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("deep").path) == ["out.jsonl"])
    }

    /// Half-way through, producing fails: the earlier file is kept as it was and no temporary file is left.
    @Test func aFailureHalfWayKeepsTheEarlierFile() throws {
        let directory = try RenderTemporaryDirectory()
        let path = directory.url.appendingPathComponent("out.jsonl").path
        try AtomicFile.write("earlier\n", to: path)
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { sink in
                try sink.write(String(repeating: "half a report\n", count: 10_000))
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier\n")
        #expect(try Self.names(in: directory) == ["out.jsonl"])
        let fresh = directory.url.appendingPathComponent("never.jsonl").path
        #expect(throws: Interrupted.self) { try AtomicFile.write(to: fresh) { _ in throw Interrupted() } }
        #expect(try Self.names(in: directory) == ["out.jsonl"], "no half file where none was")
    }

    /// A directory that cannot hold the file fails with the system's reason, before anything is produced.
    @Test func anUnwritableDirectoryFailsWithTheReason() throws {
        let directory = try RenderTemporaryDirectory()
        let blocker = directory.url.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        var produced = false
        #expect(throws: (any Error).self) {
            try AtomicFile.write(to: blocker.appendingPathComponent("out.jsonl").path) { _ in produced = true }
        }
        #expect(!produced)
    }
}
