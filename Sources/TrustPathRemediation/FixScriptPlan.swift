import TrustPathEscaping

/// What the fix scripts change, per account, with every file name made safe: the shared input of
/// `ApplyScript` and `RollbackScript`, and of the command that writes the policy files.
public struct FixScriptPlan: Sendable {
    /// One role's change: its new trust policy file and where its current one is saved.
    public struct RoleChange: Sendable {
        public var update: FixApplier.TrustPolicyUpdate
        /// `trust-policies/NAME.json`, relative to the output directory; NAME is safe and unique.
        public var policyFile: String
        /// `backup/NAME.json`, relative to the output directory.
        public var backupFile: String
    }

    /// The roles of one account, in the order the scripts change them.
    public struct AccountSection: Sendable {
        public var account: String
        public var changes: [RoleChange]
    }

    public var sections: [AccountSection]
    /// Updates left out, with the reason (a role name a shell cannot carry exactly).
    public var skipped: [String]

    /// Groups the updates by account (accounts and roles sorted) and names their files.
    public init(_ updates: [FixApplier.TrustPolicyUpdate]) {
        let usable = updates.filter { Escape.shellRepresentable($0.roleName) && Escape.shellRepresentable($0.account) }
        skipped = updates.filter { !Escape.shellRepresentable($0.roleName) || !Escape.shellRepresentable($0.account) }
            .map { "\($0.role): the role or account name holds a NUL character, which no real IAM name has; left out" }
        let ordered = usable.sorted { ($0.account, $0.roleName) < ($1.account, $1.roleName) }
        let names = Escape.uniqueFileNames(ordered.map { "\($0.account)-\($0.roleName)" }, suffix: ".json")
        var sections: [AccountSection] = []
        for (update, name) in zip(ordered, names) {
            let change = RoleChange(update: update, policyFile: "trust-policies/" + name, backupFile: "backup/" + name)
            if sections.last?.account == update.account {
                sections[sections.count - 1].changes.append(change)
            } else {
                sections.append(AccountSection(account: update.account, changes: [change]))
            }
        }
        self.sections = sections
    }

    /// Every role change, in script order.
    public var changes: [RoleChange] { sections.flatMap(\.changes) }
}

/// Shell text both scripts share.
enum ScriptText {
    /// `fail`, and `require_account`, which stops unless the caller's credentials are for the section's account.
    static func preamble(script: String) -> [String] {
        [
            "set -euo pipefail",
            "cd \"$(dirname \"$0\")\"",
            "",
            "fail() { printf '\(script): %s\\n' \"$*\" >&2; exit 1; }",
            "",
            "# Stops unless the credentials in use are for account $1: a same-named role elsewhere is never touched.",
            "require_account() {",
            "  local current",
            "  current=$(aws sts get-caller-identity --query Account --output text) \\",
            "    || fail \"aws sts get-caller-identity failed: no usable credentials; nothing was changed in account $1\"",
            "  if [ \"$current\" != \"$1\" ]; then",
            "    fail \"the credentials in use are for account $current, but this section changes account $1;\" \\",
            "      \"nothing was changed in $1. Run again with credentials for $1.\"",
            "  fi",
            "  printf 'account %s: credentials match\\n' \"$1\"",
            "}",
        ]
    }

    /// The `case` that checks each argument names an account of the script, and the default of every account.
    static func selection(_ plan: FixScriptPlan, script: String) -> [String] {
        let accounts = plan.sections.map { Escape.shellWord($0.account) }
        return [
            "if [ \"$#\" -eq 0 ]; then set -- \(accounts.joined(separator: " ")); fi",
            "for account in \"$@\"; do",
            "  case \"$account\" in",
            "    \(accounts.joined(separator: "|"))) ;;",
            "    *) fail \"this script changes no role in account $account; its accounts are:\" "
                + accounts.joined(separator: " ") + " ;;",
            "  esac",
            "done",
        ]
    }

    /// Runs the section function of each selected account, in the order given.
    static func dispatch(_ plan: FixScriptPlan, function: String) -> [String] {
        var lines = ["for account in \"$@\"; do", "  case \"$account\" in"]
        for (position, section) in plan.sections.enumerated() {
            lines.append("    \(Escape.shellWord(section.account))) \(function)_\(position + 1) ;;")
        }
        return lines + ["  esac", "done"]
    }

    /// Header comment lines, control characters escaped.
    static func comment(_ text: String) -> String { "# " + Escape.shellComment(text) }
}
