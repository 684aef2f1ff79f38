import Foundation

/// Retries calls the service throttled, waiting twice as long each time (with jitter so that parallel
/// workers do not retry in step).
struct Throttling: Sendable {
    var initialBackoff: Double
    var maximumAttempts: Int

    static let codes = ["Throttling", "ThrottlingException", "TooManyRequests", "TooManyRequestsException",
                        "RequestLimitExceeded", "Rate exceeded"]

    static func isThrottled(_ result: CommandResult) -> Bool {
        result.status != 0 && codes.contains { result.errorText.contains($0) }
    }

    func run(_ call: () -> CommandResult) -> CommandResult {
        var result = call()
        var attempt = 1
        while Self.isThrottled(result), attempt < maximumAttempts {
            let delay = min(60, initialBackoff * pow(2, Double(attempt - 1))) * Double.random(in: 0.5...1.0)
            Thread.sleep(forTimeInterval: delay)
            result = call()
            attempt += 1
        }
        return result
    }
}
