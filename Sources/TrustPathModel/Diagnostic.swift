/// Something the user should know about the input that did not stop the analysis.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable {
    /// How much the problem matters to the result.
    public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
        /// Informational: input skipped or read in a way that cannot change findings.
        case note
        /// Part of the input was ignored or guessed at; findings may be incomplete.
        case warning
        /// A whole file could not be used.
        case error

        private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable identifier for the kind of problem, e.g. `unknown-file`, `not-principal-in-trust`.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    /// What the user can do about it.
    public var hint: String?

    public init(_ severity: Severity, code: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = (lhs.location?.file ?? "", lhs.location?.jsonPath ?? "", lhs.code, lhs.message)
        let right = (rhs.location?.file ?? "", rhs.location?.jsonPath ?? "", rhs.code, rhs.message)
        return left < right
    }
}
