import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TrustPathRemediation

/// The real binary on a snapshot whose every input string that reaches an output is hostile (`HostileSnapshot`),
/// in every format and command. Each output context is held to its own property: terminal, text and Markdown
/// carry no control or invisible character; JSON parses and keeps the payload exactly; HTML and SVG carry no markup
/// from input; DOT parses; files stay inside the output directory; the fix scripts run nothing from input.
@Suite("Hostile input everywhere: every command, every format", .serialized)
struct HostileEverywhereTests {
    /// One snapshot on disk, a variant with no roles (so the diff has everything new), and a CloudFormation
    /// template, in a temporary directory that is also every command's working directory.
    final class World: @unchecked Sendable {
        let root: URL
        let snapshot: URL
        let before: URL
        let template: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("trustpath-hostile-\(UUID().uuidString)")
            snapshot = root.appendingPathComponent("snap")
            before = root.appendingPathComponent("before")
            for url in [snapshot, before] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
            try HostileSnapshot.write(into: snapshot)
            for name in try FileManager.default.contentsOfDirectory(atPath: snapshot.path) where !name.hasPrefix("gaad-\(HostileSnapshot.member)") {
                try FileManager.default.copyItem(at: snapshot.appendingPathComponent(name), to: before.appendingPathComponent(name))
            }
            template = root.appendingPathComponent("template\(HostileSnapshot.fileNamePart).json")
            try Data(HostileSnapshot.template.utf8).write(to: template)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandLineTests.Run {
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = arguments
            process.currentDirectoryURL = root
            process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"].merging(environment) { $1 }) { $1 }
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CommandLineTests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                        stderr: String(decoding: stderr, as: UTF8.self))
        }

        /// Runs a command that must succeed (0 or 1, a finding) and returns its standard output.
        func output(_ arguments: [String]) throws -> String {
            let run = try run(arguments)
            #expect([0, 1, 3].contains(run.status), "\(arguments.prefix(2)): exit \(run.status): \(run.stderr)")
            HostileEverywhereTests.expectTerminalClean(run.stderr, "stderr of \(arguments.prefix(2))")
            return run.stdout
        }

        /// Every file under `url`, as paths relative to it.
        func files(under url: URL) -> [String] {
            (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
        }

        /// Any file named PWNED anywhere under the working directory or in the package root.
        var pwned: [String] {
            files(under: root).filter { $0.hasSuffix("PWNED") }
                + (FileManager.default.fileExists(atPath: Paths.packageRoot.appendingPathComponent("PWNED").path) ? ["package root"] : [])
        }
    }

    // MARK: what each context must hold

    /// Characters a terminal acts on or that change how text reads without showing: controls (newline and tab
    /// apart), DEL, C1, bidi embeddings/overrides/isolates, zero-width marks, line separators, BOM.
    static func hidden(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { value in
            switch value {
            case 0x0A, 0x09: false
            case 0..<0x20, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF: true
            default: false
            }
        }
    }

    static func expectTerminalClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = hidden(text)
        #expect(found.isEmpty, "\(what) holds \(Set(found).sorted().map { String($0, radix: 16) })", sourceLocation: sourceLocation)
    }

    /// Markup from input that must never arrive as markup.
    static let markupFromInput = ["<script>x", "<img onerror", "</style>`", "<b>`"]

    static func expectNoMarkupFromInput(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for markup in markupFromInput {
            #expect(!text.contains(markup), "\(what) holds raw \(markup)", sourceLocation: sourceLocation)
        }
    }

    /// Parses with Foundation (not the project's parser) and returns every string, keys included.
    static func jsonStrings(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            Issue.record("\(what) is not valid JSON", sourceLocation: sourceLocation)
            return []
        }
        func strings(_ value: Any) -> [String] {
            if let text = value as? String { return [text] }
            if let array = value as? [Any] { return array.flatMap(strings) }
            if let object = value as? [String: Any] { return object.flatMap { [$0.key] + strings($0.value) } }
            return []
        }
        return strings(value)
    }

    static func expectJSON(_ text: String, _ what: String, holds needles: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        // JSON lines (pairs) are one document per line.
        let documents = text.hasPrefix("[") || text.hasPrefix("{\n") ? [text]
            : text.split(separator: "\n").map(String.init)
        let strings = documents.flatMap { jsonStrings($0, what, sourceLocation: sourceLocation) }
        for needle in needles {
            #expect(strings.contains { $0.contains(needle) }, "\(what) lost the payload exactly: \(needle.debugDescription)",
                    sourceLocation: sourceLocation)
        }
        expectTerminalClean(text, what, sourceLocation: sourceLocation)
    }

    // MARK: the commands

    @Test func analyzeInEveryFormat() throws {
        let world = try World()
        let directory = world.snapshot.path
        let text = try world.output(["analyze", directory])
        Self.expectTerminalClean(text, "analyze text")
        #expect(text.contains("\\u{1b}[31mRED"), "the role name is shown, escaped")
        #expect(text.contains("token.actions.githubusercontent.com\\u{1b}[1m"), "the OIDC host is shown, escaped")
        let markdown = try world.output(["analyze", directory, "--format", "markdown"])
        Self.expectTerminalClean(markdown, "analyze markdown")
        Self.expectNoMarkupFromInput(markdown, "analyze markdown")
        for line in markdown.split(separator: "\n") where line.hasPrefix("|") {
            #expect(!line.contains("`id`"), "a code span from input in: \(line)")
        }
        for format in ["json", "sarif"] {
            Self.expectJSON(try world.output(["analyze", directory, "--format", format]), "analyze \(format)",
                            holds: [HostileSnapshot.vendorRole])
        }
        Self.expectJSON(try world.output(["analyze", directory, "--format", "json"]), "analyze json",
                        holds: [HostileSnapshot.oidcHost.lowercased(), HostileSnapshot.vendorName])
        Self.expectJSON(try world.output(["analyze", directory, "--format", "pairs"]), "analyze pairs",
                        holds: [HostileSnapshot.vendorRole])
        let html = try world.output(["analyze", directory, "--format", "html"])
        Self.expectNoMarkupFromInput(html, "analyze html")
        Self.expectTerminalClean(html, "analyze html")
        #expect(world.pwned.isEmpty)
    }

    @Test func explainEscapesEveryName() throws {
        let world = try World()
        let vendor = HostileSnapshot.roleARN(HostileSnapshot.vendorRole, path: HostileSnapshot.rolePath)
        let oidc = HostileSnapshot.oidcHost.lowercased()  // IAM provider hosts are case-insensitive: the model keeps them lowercased
        for (from, to) in [(HostileSnapshot.vendor, vendor), (oidc, HostileSnapshot.roleARN(HostileSnapshot.oidcRole)),
                           (HostileSnapshot.vendor, HostileSnapshot.roleARN(HostileSnapshot.innerRole))] {
            let run = try world.run(["explain", world.snapshot.path, "--from", from, "--to", to])
            #expect(run.status == 0, "\(run.stderr)")
            Self.expectTerminalClean(run.stdout, "explain")
            Self.expectTerminalClean(run.stderr, "explain stderr")
            #expect(run.stdout.contains("\\u{1b}"), "the names are shown, escaped")
        }
    }

    @Test func renderWritesParsableDiagramsUnderSafeNames() throws {
        let world = try World()
        let out = world.root.appendingPathComponent("diagrams")
        let run = try world.run(["render", world.snapshot.path, "--output", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        Self.expectTerminalClean(run.stdout + run.stderr, "render")
        let files = world.files(under: out)
        #expect(files.contains { $0.hasSuffix(".dot") })
        #expect(Set(world.files(under: world.root).map { $0.split(separator: "/").first.map(String.init) ?? "" })
                == ["snap", "before", "diagrams", URL(fileURLWithPath: world.template.path).lastPathComponent],
                "nothing written outside --out")
        for file in files {
            for part in file.split(separator: "/") {
                #expect(!part.hasPrefix("-") && !part.hasPrefix("."), "unsafe file name \(file.debugDescription)")
                #expect(Self.hidden(String(part)).isEmpty, "file name with control characters \(file.debugDescription)")
            }
            let url = out.appendingPathComponent(file)
            if file.hasSuffix(".dot") {
                let dot = try String(contentsOf: url, encoding: .utf8)
                Self.expectTerminalClean(dot, file)
                try Self.expectGraphvizParses(url)
            } else if file.hasSuffix(".svg") {
                let svg = try Data(contentsOf: url)
                Self.expectNoMarkupFromInput(String(decoding: svg, as: UTF8.self), file)
                #expect(XMLParser(data: svg).parse(), "\(file) is not well-formed XML")
            }
        }
    }

    @Test func diffInEveryFormat() throws {
        let world = try World()
        let arguments = ["diff", world.before.path, world.snapshot.path]
        for format in ["text", "markdown"] {
            let output = try world.output(arguments + ["--format", format])
            Self.expectTerminalClean(output, "diff \(format)")
            if format == "markdown" { Self.expectNoMarkupFromInput(output, "diff \(format)") }
            #expect(output.contains("u{1b}"), "diff \(format) shows the names, escaped")
        }
        Self.expectJSON(try world.output(arguments + ["--format", "json"]), "diff json", holds: [HostileSnapshot.vendorRole])
        Self.expectJSON(try world.output(arguments + ["--format", "pairs"]), "diff pairs", holds: [HostileSnapshot.vendorRole])
        Self.expectNoMarkupFromInput(try world.output(arguments + ["--format", "html"]), "diff html")
        Self.expectTerminalClean(try world.output(["diff", world.snapshot.path, world.snapshot.path]), "diff of itself")
    }

    @Test func fixScriptsRunNothingFromInput() throws {
        let world = try World()
        let out = world.root.appendingPathComponent("fixes")
        let run = try world.run(["fix", world.snapshot.path, "--out", out.path, "--all"])
        #expect(run.status == 0, "\(run.stderr)")
        Self.expectTerminalClean(run.stdout + run.stderr, "fix")
        let files = world.files(under: out)
        #expect(files.contains(ApplyScript.fileName) && files.contains(RollbackScript.fileName))
        #expect(files.contains { $0.hasPrefix("trust-policies/") }, "the hostile roles got fixes: \(files)")
        for file in files {
            for part in file.split(separator: "/") {
                #expect(!part.hasPrefix("-") && !part.hasPrefix("."), "unsafe file name \(file.debugDescription)")
            }
            // snapshot/ mirrors the user's own files under their own names; every name the writer makes is clean.
            if !file.hasPrefix("snapshot/") { #expect(Self.hidden(file).isEmpty, "file name with controls \(file.debugDescription)") }
        }
        for script in [ApplyScript.fileName, RollbackScript.fileName] {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            check.arguments = ["bash", "-n", out.appendingPathComponent(script).path]
            try check.run()
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "\(script) does not parse")
            Self.expectTerminalClean(try String(contentsOf: out.appendingPathComponent(script), encoding: .utf8), script)
        }
        // Fill in the placeholders (the script refuses to run while one is left), then run the scripts for real
        // against a fake aws that records each call.
        for file in files where file.hasPrefix("trust-policies/") {
            let url = out.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: #"REPLACE-WITH-[A-Z-]+"#, with: "filled", options: .regularExpression).utf8).write(to: url)
        }
        let bin = world.root.appendingPathComponent("bin"), calls = world.root.appendingPathComponent("calls")
        for url in [bin, calls] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        try Data(ApplyScriptTests.fakeAWS.utf8).write(to: bin.appendingPathComponent("aws"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("aws").path)
        let before = Set(world.files(under: world.root).filter { !$0.hasPrefix("fixes") && !$0.hasPrefix("calls") })
        for script in [ApplyScript.fileName, RollbackScript.fileName] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["bash", out.appendingPathComponent(script).path]
            process.currentDirectoryURL = world.root
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment["FAKE_AWS_CALLS"] = calls.path
            environment["FAKE_AWS_ACCOUNT"] = HostileSnapshot.member
            process.environment = environment
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(script): \(errors)")
        }
        #expect(world.pwned.isEmpty, "a command from input ran")
        let after = Set(world.files(under: world.root).filter { !$0.hasPrefix("fixes") && !$0.hasPrefix("calls") })
        #expect(after == before, "written outside --out: \(after.subtracting(before))")
        // Each role name reached aws exactly as in the export.
        let names = try FileManager.default.contentsOfDirectory(atPath: calls.path).filter { !$0.hasSuffix(".policy") }
            .compactMap { try? Data(contentsOf: calls.appendingPathComponent($0)) }
            .map { $0.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) } }
            .filter { $0.starts(with: ["iam", "update-assume-role-policy"]) }.map { $0[3] }
        #expect(names.contains(HostileSnapshot.vendorRole), "the hostile role was updated by its exact name: \(names)")
    }

    @Test func checkOnAHostileTemplate() throws {
        let world = try World()
        let arguments = ["check", world.template.path, "--snapshot", world.snapshot.path, "--account", HostileSnapshot.member]
        for format in ["text", "markdown"] {
            let output = try world.output(arguments + ["--format", format])
            Self.expectTerminalClean(output, "check \(format)")
            if format == "markdown" { Self.expectNoMarkupFromInput(output, "check \(format)") }
            #expect(output.contains("u{1b}"), "check \(format) shows the names, escaped")
        }
        for format in ["json", "sarif"] {
            Self.expectJSON(try world.output(arguments + ["--format", format]), "check \(format)", holds: [HostileSnapshot.named("cfn")])
        }
    }

    /// The snapshot saved under a hostile label, then the history and `snapshot show` in every format, and the summary.
    @Test func historySnapshotsAndSummary() throws {
        let world = try World()
        let database = world.root.appendingPathComponent("history.sqlite").path
        // A label is typed by the user; control characters are refused (tested elsewhere), the rest is kept.
        let label = "-label<script>x</script>\"'><img onerror=x></style>`id`|pipe|$(touch PWNED)\u{202E}rtl\u{200B}end"
        for (directory, taken) in [(world.before, "2026-01-01"), (world.snapshot, "2026-02-01")] {
            let save = try world.run(["snapshot", "save", directory.path, "--db", database, "--taken-at", taken]
                                     + (directory == world.snapshot ? ["--label=" + label] : []))
            #expect(save.status == 0, "\(save.stderr)")
            Self.expectTerminalClean(save.stdout + save.stderr, "snapshot save")
        }
        for format in ["text", "markdown"] {
            let output = try world.output(["history", "--db", database, "--format", format])
            Self.expectTerminalClean(output, "history \(format)")
            if format == "markdown" { Self.expectNoMarkupFromInput(output, "history markdown") }
        }
        Self.expectJSON(try world.output(["history", "--db", database, "--format", "json"]), "history json", holds: [label])
        Self.expectNoMarkupFromInput(try world.output(["history", "--db", database, "--format", "html"]), "history html")
        Self.expectTerminalClean(try world.output(["snapshot", "list", "--db", database]), "snapshot list")
        Self.expectTerminalClean(try world.output(["diff", "db:" + label, world.before.path, "--db", database]), "diff from the database")
        Self.expectTerminalClean(try world.output(["summary", world.snapshot.path]), "summary")
        Self.expectJSON(try world.output(["summary", world.snapshot.path, "--format", "json"]), "summary json",
                        holds: [HostileSnapshot.fileNamePart])
    }

    /// Error messages quote the bad value from the input: escaped for the terminal like everything else.
    @Test func errorMessagesQuoteInputEscaped() throws {
        let world = try World()
        let config = world.root.appendingPathComponent("bad.yml")
        try Data("version: 1\ncrown-jewels:\n  - role: \(HostileSnapshot.yaml(HostileSnapshot.payload))\n".utf8).write(to: config)
        for command in ["analyze", "render", "fix"] {
            let extra = command == "analyze" ? [] : command == "render" ? ["--output", "d"] : ["--out", "f"]
            let run = try world.run([command, world.snapshot.path, "--config", config.path] + extra)
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("crown-jewels[0].role") && run.stderr.contains("u{1b}"), "\(command): \(run.stderr)")
            Self.expectTerminalClean(run.stderr, "\(command) error")
        }
    }

    /// Graphviz reads the DOT file without a syntax error.
    static func expectGraphvizParses(_ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else {
            print("skipping the Graphviz parse of \(url.lastPathComponent): /usr/bin/dot is absent (.ci/setup installs graphviz)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-Tcanon", url.path]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let firstLines = (try? String(contentsOf: url, encoding: .utf8))?.split(separator: "\n").prefix(2).joined(separator: "\n") ?? ""
        #expect(process.terminationStatus == 0 && !errors.contains("syntax error"), "dot: \(errors) in \(firstLines)",
                sourceLocation: sourceLocation)
    }
}
