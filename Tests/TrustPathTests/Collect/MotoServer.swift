import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// moto's AWS API emulator, started on a free loopback port for one test and stopped after it.
/// `moto_server` and `aws` come from the project's `.venv` (`bash .ci/setup` installs them).
final class MotoServer: @unchecked Sendable {
    static let venv = Paths.packageRoot.appendingPathComponent(".venv/bin")
    static var motoServer: String { venv.appendingPathComponent("moto_server").path }
    static var python: String { venv.appendingPathComponent("python").path }

    /// Why the moto tests cannot run here, or nil when they can.
    static var missing: String? {
        for tool in ["moto_server", "aws", "python"]
        where !FileManager.default.isExecutableFile(atPath: venv.appendingPathComponent(tool).path) {
            return "\(venv.path)/\(tool) is missing: run `bash .ci/setup` (it installs moto[server] and awscli into .venv)"
        }
        return nil
    }

    let port: Int
    private let process: Process
    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// The environment every child uses: moto's endpoint, the venv's `aws` first on PATH, dummy credentials.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN"] { environment[name] = nil }
        environment["PATH"] = Self.venv.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["AWS_ENDPOINT_URL"] = endpoint
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        environment["AWS_ACCESS_KEY_ID"] = "testing"
        environment["AWS_SECRET_ACCESS_KEY"] = "testing"
        // No config file of the machine's user: the tests see only what they set.
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        // moto answers 500 for a deleted role's session: one attempt, not the CLI's five with backoff.
        environment["AWS_MAX_ATTEMPTS"] = "1"
        return environment
    }

    init() throws {
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.motoServer)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !Self.accepts(port: port) {
            guard Date() < deadline, process.isRunning else {
                stop()
                throw MotoError.notStarted(port)
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// SIGKILL: a child started from a test's thread inherits its blocked signals, SIGTERM among them.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// Runs a Python script with the venv's interpreter (boto3 comes with moto); returns its standard output.
    func python(_ script: String, arguments: [String] = [], environment extra: [String: String] = [:]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-c", script] + arguments
        process.environment = environment.merging(extra) { _, new in new }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorText = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorText.data = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MotoError.scriptFailed(String(decoding: errorText.data, as: UTF8.self))
        }
        return data
    }

    private static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw MotoError.noPort }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) == 0
                && getsockname(socketFD, $0, &length) == 0 }
        }
        guard bound else { throw MotoError.noPort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return false }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

enum MotoError: Error, CustomStringConvertible {
    case noPort
    case notStarted(Int)
    case scriptFailed(String)

    var description: String {
        switch self {
        case .noPort: "no free loopback port"
        case .notStarted(let port): "moto_server did not answer on 127.0.0.1:\(port) within 30 s"
        case .scriptFailed(let text): "the setup script failed: \(text)"
        }
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
