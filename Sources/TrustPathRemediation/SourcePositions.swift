import TrustPathEngine

/// What reports need from the input files beyond the analysis: each fix as a byte-range edit and each
/// finding's entry statement as a line. The one call every front end makes, so none forgets a part.
public enum SourcePositions {
    public static func attach(to plan: inout RemediationPlan, index: SnapshotIndex, read: @Sendable (String) -> [UInt8]?) {
        FixEdits.attach(to: &plan, index: index, read: read)
        StatementLines.attach(to: &plan, index: index, read: read)
    }
}
