import TrustPathReport

/// The check as JSON: the report value itself, sorted keys (`findings[]` carries `file`, `resource`, `line`,
/// `statement`, `entry`, `severity`, `lacks`, `fix`).
public enum CheckJSONReporter {
    /// The report as pretty JSON with sorted keys.
    public static func render(_ report: CheckReport) throws -> String {
        try JSONOutput.encode(report)
    }
}
