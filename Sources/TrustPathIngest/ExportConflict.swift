import TrustPathModel

/// Two files holding the same entity with different content: two exports of one account (say, two months' snapshots
/// in one folder), not pages of one export. Merging them would analyze an account that never existed.
public struct ExportConflict: Sendable, Hashable {
    static let code = "conflicting-exports"

    /// `role arn:aws:iam::…`, `user …`, `group …` or `policy …`.
    public var entity: String
    public var firstFile: String
    public var secondFile: String

    /// The diagnostic kept in the snapshot (for loads that do not stop on it).
    func diagnostic(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code: Self.code,
                   "\(entity) appears in \(firstFile) and in \(secondFile) with different content: two exports of one account",
                   at: location, hint: "point trustpath at one snapshot: a folder with one export per account, taken at one time")
    }
}
