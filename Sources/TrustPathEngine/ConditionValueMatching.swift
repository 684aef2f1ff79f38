import Foundation
import Synchronization
import TrustPathModel

/// Concrete evaluation of one condition clause against the values a request carries for its key.
/// `requestValues == nil` means the key is absent from the request.
enum ConditionValueMatching {
    static func evaluate(_ op: ConditionOperator, policyValues: [String], requestValues: [String]?) -> Bool {
        guard let base = op.base else { return false }
        guard let requestValues else {
            if base == .null { return policyValues.contains { $0.lowercased() == "true" } }
            if op.ifExists || base.isNegated || op.qualifier == .forAllValues { return true }
            return false
        }
        if base == .null { return policyValues.contains { $0.lowercased() == "false" } }
        // A negated operator is the negation of its positive twin, value by value.
        let positive = positiveTwin(base)
        func satisfies(_ value: String) -> Bool {
            let hit = policyValues.contains { matches(positive, policy: $0, request: value) }
            return base.isNegated ? !hit : hit
        }
        switch op.qualifier {
        case .forAllValues?:
            return requestValues.allSatisfy(satisfies)
        case .forAnyValue?:
            return requestValues.contains(where: satisfies)
        case nil:
            if base.isNegated {
                return !requestValues.contains { value in policyValues.contains { matches(positive, policy: $0, request: value) } }
            }
            return requestValues.contains(where: satisfies)
        }
    }

    static func positiveTwin(_ base: ConditionOperator.Base) -> ConditionOperator.Base {
        switch base {
        case .stringNotEquals: .stringEquals
        case .stringNotEqualsIgnoreCase: .stringEqualsIgnoreCase
        case .stringNotLike: .stringLike
        case .numericNotEquals: .numericEquals
        case .dateNotEquals: .dateEquals
        case .notIpAddress: .ipAddress
        case .arnNotEquals: .arnEquals
        case .arnNotLike: .arnLike
        default: base
        }
    }

    static func matches(_ base: ConditionOperator.Base, policy: String, request: String) -> Bool {
        switch base {
        case .stringEquals, .binaryEquals: return policy == request
        case .stringEqualsIgnoreCase: return policy.lowercased() == request.lowercased()
        case .stringLike: return Wildcard.matches(policy, request)
        case .bool: return policy.lowercased() == request.lowercased()
        case .numericEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan, .numericGreaterThanEquals:
            guard let left = Double(request), let right = Double(policy) else { return false }
            return compare(base, left, right)
        case .dateEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            guard let left = parseDate(request), let right = parseDate(policy) else { return false }
            return compare(base, left, right)
        case .ipAddress: return IPRange(policy)?.contains(request) ?? false
        case .arnEquals, .arnLike: return arnMatches(pattern: policy, arn: request)
        default: return false
        }
    }

    private static func compare(_ base: ConditionOperator.Base, _ left: Double, _ right: Double) -> Bool {
        switch base {
        case .numericEquals, .dateEquals: left == right
        case .numericLessThan, .dateLessThan: left < right
        case .numericLessThanEquals, .dateLessThanEquals: left <= right
        case .numericGreaterThan, .dateGreaterThan: left > right
        case .numericGreaterThanEquals, .dateGreaterThanEquals: left >= right
        default: false
        }
    }

    /// ISO 8601 date or date-time, or epoch seconds.
    static func parseDate(_ text: String) -> Double? {
        if let epoch = Double(text) { return epoch }
        // Every policy value of every hop comes through here: text without a digit is no date, and the
        // rest is parsed once (a formatter costs tens of microseconds to make).
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        if let known = parsedDates.withLock({ $0[text] }) { return known }
        let parsed = parseISODate(text)
        parsedDates.withLock { $0[text] = parsed }
        return parsed
    }

    private static let parsedDates = Mutex<[String: Double?]>([:])

    private static func parseISODate(_ text: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
                                                      [.withFullDate]] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        }
        return nil
    }

    /// ARN patterns match field by field, each field a glob; the resource field may hold `:`.
    static func arnMatches(pattern: String, arn: String) -> Bool {
        if pattern == "*" { return true }
        let patternParts = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let arnParts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard patternParts.count == 6, arnParts.count == 6 else { return false }
        return zip(patternParts, arnParts).allSatisfy { Wildcard.matches(String($0), String($1)) }
    }
}
