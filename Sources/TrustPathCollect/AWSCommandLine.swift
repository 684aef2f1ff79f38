import Foundation

/// The user's `aws` program (version 1 or 2), run as a child process with the user's own configuration.
///
/// Nothing here reads, asks for or stores a secret: the CLI finds the user's credentials itself, and the
/// temporary credentials of an assumed role are handed only to the children that use them, in their environment.
public struct AWSCommandLine: Sendable {
    /// The absolute path of the `aws` executable.
    public let executable: String
    /// `aws --version`, for the manifest.
    public let version: String
    /// `--profile` for the calls made with the user's own credentials.
    public var profile: String?
    /// Set when `AWS_ENDPOINT_URL` is set but this CLI is too old to read it: passed as `--endpoint-url`.
    let explicitEndpoint: String?
    let environment: [String: String]

    /// Finds `aws` on `PATH` and asks its version; throws `.awsNotFound` when it is not there.
    public init(profile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CollectError) {
        guard let executable = Self.find("aws", path: environment["PATH"] ?? "") else { throw .awsNotFound }
        self.executable = executable
        self.profile = profile
        self.environment = environment
        let probe = Self.execute(executable, ["--version"], environment: environment)
        // Version 1 prints its version on standard error, version 2 on standard output.
        let text = (String(decoding: probe.output, as: UTF8.self) + probe.errorText)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard probe.status == 0, text.hasPrefix("aws-cli/") else {
            throw .awsUnusable(executable, text.isEmpty ? "exit status \(probe.status)" : text)
        }
        version = text
        let endpoint = environment["AWS_ENDPOINT_URL"].flatMap { $0.isEmpty ? nil : $0 }
        explicitEndpoint = Self.readsEndpointVariable(version: text) ? nil : endpoint
    }

    /// Runs `aws ARGUMENTS --output json`, as the user (their profile) or with the given temporary credentials.
    public func run(_ arguments: [String], as credentials: TemporaryCredentials? = nil) -> CommandResult {
        var childEnvironment = environment
        // A pager or an interactive prompt would wait for a keypress that never comes.
        childEnvironment["AWS_PAGER"] = ""
        childEnvironment["AWS_CLI_AUTO_PROMPT"] = "off"
        var fullArguments = arguments + ["--output", "json"]
        if let credentials {
            // A profile would take precedence over the variables in some setups: the child gets the role only.
            for name in ["AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                         "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"] {
                childEnvironment[name] = nil
            }
            childEnvironment["AWS_ACCESS_KEY_ID"] = credentials.accessKeyID
            childEnvironment["AWS_SECRET_ACCESS_KEY"] = credentials.secretAccessKey
            childEnvironment["AWS_SESSION_TOKEN"] = credentials.sessionToken
        } else if let profile {
            fullArguments += ["--profile", profile]
        }
        if let explicitEndpoint { fullArguments += ["--endpoint-url", explicitEndpoint] }
        return Self.execute(executable, fullArguments, environment: childEnvironment)
    }

    /// The CLI reads `AWS_ENDPOINT_URL` itself from version 2.13 and, for version 1, from botocore 1.31.
    static func readsEndpointVariable(version: String) -> Bool {
        let words = version.split(separator: " ")
        func numbers(_ prefix: String) -> [Int]? {
            guard let word = words.first(where: { $0.hasPrefix(prefix) }) else { return nil }
            return word.dropFirst(prefix.count).split(separator: ".").map { Int($0) ?? 0 }
        }
        guard let cli = numbers("aws-cli/") else { return false }
        if cli.first ?? 0 >= 2 { return cli.lexicographicallyPrecedes([2, 13]) == false }
        guard let botocore = numbers("botocore/") else { return false }
        return botocore.lexicographicallyPrecedes([1, 31]) == false
    }

    static func find(_ name: String, path: String) -> String? {
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func execute(_ executable: String, _ arguments: [String], environment: [String: String]) -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return CommandResult(status: -1, output: Data(), errorText: "could not start \(executable): \(error)")
        }
        // Both pipes are drained while the child runs, or a large export would fill one and stall it.
        let errorData = ErrorCapture()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, output: outputData,
                             errorText: String(decoding: errorData.get(), as: UTF8.self))
    }
}

/// What a child `aws` process returned.
public struct CommandResult: Sendable {
    public var status: Int32
    public var output: Data
    public var errorText: String

    /// The AWS error code in the CLI's message ("An error occurred (AccessDenied) when calling …"), if any.
    public var errorCode: String? {
        guard let open = errorText.range(of: "An error occurred ("),
              let close = errorText[open.upperBound...].firstIndex(of: ")") else { return nil }
        return String(errorText[open.upperBound..<close])
    }

    /// The CLI's message on one line, for a reason a user reads.
    public var errorSummary: String {
        let lines = errorText.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        // The CLI's own sentence when there is one; otherwise its first line (later ones may be a raw response body).
        let summary = lines.last(where: { $0.contains("An error occurred") }) ?? lines.first ?? "exit status \(status)"
        return summary.count > 400 ? String(summary.prefix(400)) + "…" : summary
    }
}

/// Temporary credentials of an assumed role; they live in memory and in child environments only.
public struct TemporaryCredentials: Sendable {
    let accessKeyID: String
    let secretAccessKey: String
    let sessionToken: String
}

// Unchecked: written once by the reading thread before the group is left, read after the wait.
private final class ErrorCapture: @unchecked Sendable {
    private var data = Data()
    func set(_ value: Data) { data = value }
    func get() -> Data { data }
}
