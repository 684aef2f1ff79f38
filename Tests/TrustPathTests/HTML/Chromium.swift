import Foundation

/// Debian's headless Chromium, run with a time limit and a profile of its own per run (tests run in parallel).
///
/// Chromium 156's `--screenshot` and `--dump-dom` produce nothing when scripts are disabled with
/// `--blink-settings=scriptEnabled=false` (headless drives them through the page's script engine), so pages are
/// loaded with scripts allowed by the browser: the pages TrustPath writes forbid every script themselves (their
/// Content-Security-Policy), which `HTMLBrowserTests` checks in this very browser.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static var skipReason: String { "Chromium is not installed (Debian: apt-get install chromium; .ci/setup does it)" }
    static let timeLimit: TimeInterval = 30

    struct Failed: Error, CustomStringConvertible { let description: String }

    /// Runs the browser on a file with extra flags; standard output, after it exits or is killed at the limit.
    static func run(_ file: URL, _ flags: [String]) throws -> String {
        guard let path else { throw Failed(description: skipReason) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("trustpath-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)"] + flags + [file.absoluteString]
        // A file, not a pipe: nothing to drain while waiting for the process.
        let outputFile = profile.appendingPathExtension("out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw Failed(description: "Chromium did not finish within \(Int(timeLimit)) s")
        }
        return String(decoding: FileManager.default.contents(atPath: outputFile.path) ?? Data(), as: UTF8.self)
    }

    /// The page as the browser built it.
    static func dom(_ file: URL) throws -> String { try run(file, ["--dump-dom"]) }

    /// A screenshot of the page at a given window size, as PNG bytes.
    static func screenshot(_ file: URL, width: Int = 1280, height: Int = 2000) throws -> [UInt8] {
        let png = file.deletingPathExtension().appendingPathExtension("png")
        _ = try run(file, ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars"])
        guard let data = FileManager.default.contents(atPath: png.path) else {
            throw Failed(description: "Chromium wrote no screenshot to \(png.path)")
        }
        return [UInt8](data)
    }
}
