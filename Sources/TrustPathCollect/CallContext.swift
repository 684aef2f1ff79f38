import Foundation
import Synchronization
import TrustPathJSON
import TrustPathReport

/// What every collecting step shares: the CLI, the retry policy and the output directory.
struct CallContext: Sendable {
    let cli: AWSCommandLine
    let throttling: Throttling
    let directory: String
    let refresh: Bool
    let pageSize: Int?

    /// One CLI call, retried while throttled. The CLI follows every page of a paginated call itself.
    func call(_ arguments: [String], as credentials: TemporaryCredentials? = nil) -> CommandResult {
        let paged = Self.paginated.contains(arguments.dropFirst().first ?? "")
        let full = arguments + (paged ? pageSize.map { ["--page-size", String($0)] } ?? [] : [])
        return throttling.run { cli.run(full, as: credentials) }
    }

    static let paginated: Set<String> = [
        "get-account-authorization-details", "list-accounts", "list-roots", "list-organizational-units-for-parent",
        "list-parents", "list-policies", "list-targets-for-policy",
    ]

    /// A call whose output must be one JSON object; the failure is a sentence naming the call.
    func object(_ arguments: [String], as credentials: TemporaryCredentials? = nil) -> Result<JSONObject, CallFailure> {
        let result = call(arguments, as: credentials)
        let command = "aws " + arguments.prefix(2).joined(separator: " ")
        guard result.status == 0 else {
            let throttled = Throttling.isThrottled(result) ? " (still throttled after \(throttling.maximumAttempts) attempts)" : ""
            return .failure(CallFailure(command: command, code: result.errorCode,
                                        message: result.errorSummary + throttled))
        }
        switch Self.parseObject(result.output) {
        case .success(let object): return .success(object)
        case .failure(let message): return .failure(CallFailure(command: command, code: nil, message: message.text))
        }
    }

    static func parseObject(_ data: Data) -> Result<JSONObject, ParseMessage> {
        do {
            guard case .object(let object) = try JSONParser.parse([UInt8](data)) else {
                return .failure(ParseMessage(text: "the output is not a JSON object"))
            }
            return .success(object)
        } catch {
            return .failure(ParseMessage(text: "the output is not complete JSON (\(error))"))
        }
    }

    func path(_ name: String) -> String { directory + "/" + name }

    /// True when an earlier run left the file (files are written whole, so one that exists is complete).
    func kept(_ name: String) -> Bool {
        guard !refresh else { return false }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path(name))
        return ((attributes?[.size] as? NSNumber)?.intValue ?? 0) > 0
    }

    func modificationDate(_ name: String) -> Date {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path(name))
        return attributes?[.modificationDate] as? Date ?? Date()
    }

    func write(_ object: JSONObject, to name: String) -> String? {
        write(Data((JSONWriter.write(.object(object)) + "\n").utf8), to: name)
    }

    /// Writes atomically; returns the failure as a sentence, nil on success.
    func write(_ data: Data, to name: String) -> String? {
        do {
            try AtomicFile.write(data, to: path(name))
            return nil
        } catch {
            return "could not write \(path(name)): \(error)"
        }
    }
}

/// A failed CLI call, as a user reads it.
struct CallFailure: Error, Sendable {
    var command: String
    var code: String?
    var message: String

    var sentence: String { "\(command) failed: \(message)" }
}

struct ParseMessage: Error, Sendable {
    var text: String
}

/// A `JSONObject` with one member added in front (the agreed `ParentId` / `ChildId`).
extension JSONObject {
    func adding(_ key: String, _ value: String) -> JSONObject {
        JSONObject([(key, .string(value))] + members.filter { $0.key != key })
    }
}
