/// A condition operator split into its parts: `ForAllValues:StringLikeIfExists` →
/// qualifier `forAllValues`, base `stringLike`, `ifExists` true.
public struct ConditionOperator: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The set operator prefix for multivalued keys.
    public enum Qualifier: String, Sendable, Hashable, Codable {
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    /// The comparison itself.
    public enum Base: String, Sendable, Hashable, Codable, CaseIterable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// Negated operators are true when the key is missing.
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals,
                 .dateNotEquals, .notIpAddress, .arnNotEquals, .arnNotLike: true
            default: false
            }
        }
    }

    /// The operator as written in the policy.
    public var raw: String
    /// nil when the operator is not one AWS documents; such a clause never matches.
    public var base: Base?
    public var qualifier: Qualifier?
    public var ifExists: Bool

    /// Parses an operator name, matching AWS's spelling case-insensitively.
    public init(_ raw: String) {
        self.raw = raw
        var rest = Substring(raw)
        qualifier = nil
        for candidate in [Qualifier.forAnyValue, .forAllValues] {
            let prefix = candidate.rawValue + ":"
            if rest.lowercased().hasPrefix(prefix.lowercased()) {
                qualifier = candidate
                rest = rest.dropFirst(prefix.count)
            }
        }
        ifExists = false
        if rest.lowercased().hasSuffix("ifexists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        let lowered = rest.lowercased()
        base = Base.allCases.first { $0.rawValue.lowercased() == lowered }
        // `NullIfExists` is not an operator.
        if base == .null, ifExists { base = nil }
    }

    public var description: String { raw }
}
