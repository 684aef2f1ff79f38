import TrustPathModel

extension Placeholder {
    /// Text that only a placeholder holds: every `Placeholder` value contains one of these.
    public static let markers = ["REPLACE-WITH-", "o-REPLACE-", "REPLACE-OWNER", "REPLACE-REPO"]

    /// True when `text` still holds a placeholder.
    public static func isPresent(in text: String) -> Bool {
        // Every marker holds "REPLACE": one search rules out nearly every value of a large snapshot.
        text.containsText("REPLACE") && markers.contains { text.containsText($0) }
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
        // Accounts on every core, the few warnings sorted after: sorting a hundred thousand roles cost more than the check.
        let accounts = Array(snapshot.accounts.values)
        return orderedConcurrentMap(accounts.count, threshold: 16) { position in
            accounts[position].roles.flatMap(diagnostics(of:))
        }.flatMap { $0 }.sorted()
    }

    private static func diagnostics(of role: Role) -> [Diagnostic] {
        guard let trust = role.trustPolicy else { return [] }
        var found: [Diagnostic] = []
        var seen: Set<String> = []
        // Paths are worded only for the values that hold a placeholder: a hundred thousand roles hold none.
        func check(_ value: String, at path: @autoclosure () -> String) {
            guard Placeholder.isPresent(in: value), seen.insert(value).inserted else { return }
            found.append(Diagnostic(
                .warning, code: code,
                "the trust policy of \(role.name) still holds the placeholder \"\(value)\": this snapshot "
                    + "shows the policy as it would be after the fix, not a policy AWS can apply as written",
                at: SourceLocation(file: role.trustLocation.file, jsonPath: path()),
                hint: "replace it before applying"))
        }
        for statement in trust.statements {
            let base = { "\(role.trustLocation.jsonPath).Statement[\(statement.index)]" }
            if let principal = statement.principal {
                for value in principal.aws { check(value, at: "\(base()).Principal.AWS") }
                for value in principal.federated { check(value, at: "\(base()).Principal.Federated") }
                for value in principal.service { check(value, at: "\(base()).Principal.Service") }
            }
            for clause in statement.conditions {
                for value in clause.values { check(value, at: "\(base()).Condition.\(clause.op.raw).\(clause.key)") }
            }
        }
        return found
    }
}
