import TrustPathJSON
import TrustPathModel

/// Reads one policy document found outside an export (a pasted trust policy, a template's
/// `AssumeRolePolicyDocument`) with the same rules and diagnostics as the snapshot reader.
public enum PolicyDocumentReader {
    /// The document at `path` of `file`, or nil when it cannot be read at all; every problem as a diagnostic.
    public static func read(_ value: JSONValue, file: String, at path: JSONPath = .root) -> (PolicyDocument?, [Diagnostic]) {
        var context = DecodingContext(file: file)
        let document = PolicyDecoder.decode(value, at: path, context: &context)
        return (document, context.diagnostics)
    }
}
