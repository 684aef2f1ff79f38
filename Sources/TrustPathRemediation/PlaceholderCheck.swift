import TrustPathModel

extension Placeholder {
    /// Text that only a placeholder holds: every `Placeholder` value contains one of these.
    public static let markers = ["REPLACE-WITH-", "o-REPLACE-", "REPLACE-OWNER", "REPLACE-REPO"]

    /// True when `text` still holds a placeholder.
    public static func isPresent(in text: String) -> Bool {
        markers.contains { text.contains($0) }
    }
}

/// Warns about trust policies that still hold a fix's placeholder (a snapshot that `trustpath fix` wrote, analyzed
/// before the values were filled in): such a policy reads as closed, but applied as written it locks out the
/// principals that need the role, or names nobody.
public enum PlaceholderCheck {
    /// The diagnostic code of its warnings.
    public static let code = "placeholder-in-trust-policy"

    /// One warning per role and placeholder value, naming the file, the JSON path and the value.
    public static func diagnostics(_ snapshot: Snapshot) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for role in snapshot.allRoles {
            guard let trust = role.trustPolicy else { continue }
            var seen: Set<String> = []
            for statement in trust.statements {
                let base = "\(role.trustLocation.jsonPath).Statement[\(statement.index)]"
                var values: [(String, String)] = []
                if let principal = statement.principal {
                    values += principal.aws.map { ("\(base).Principal.AWS", $0) }
                    values += principal.federated.map { ("\(base).Principal.Federated", $0) }
                    values += principal.service.map { ("\(base).Principal.Service", $0) }
                }
                for clause in statement.conditions {
                    values += clause.values.map { ("\(base).Condition.\(clause.op.raw).\(clause.key)", $0) }
                }
                for (path, value) in values where Placeholder.isPresent(in: value) && seen.insert(value).inserted {
                    found.append(Diagnostic(
                        .warning, code: code,
                        "the trust policy of \(role.name) still holds the placeholder \"\(value)\": this snapshot "
                            + "shows the policy as it would be after the fix, not a policy AWS can apply as written",
                        at: SourceLocation(file: role.trustLocation.file, jsonPath: path),
                        hint: "replace it before applying"))
                }
            }
        }
        return found
    }
}
