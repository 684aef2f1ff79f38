/// How bad it is that an outsider holds a role: follows what the role can do.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Administrator (`*` on `*`) or IAM privilege escalation.
    case critical
    /// Write access to data or to other principals.
    case high
    /// Read access.
    case medium
    /// Anything else.
    case low

    /// 0 for critical, up to 3 for low.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Critical sorts first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
