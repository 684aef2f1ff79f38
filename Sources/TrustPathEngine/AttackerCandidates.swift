import TrustPathModel

/// Representative requests an attacker could send for one key: enough to find out whether some choice
/// makes a clause true and whether some choice makes it false.
enum AttackerCandidates {
    static let unmatched = "trustpath-unmatched-value"

    static func candidates(_ rule: AttackerValues, mayOmit: Bool, policyValues: [String],
                           base: ConditionOperator.Base) -> [[String]?] {
        var singles: [String] = []
        switch rule {
        case .anything:
            singles = policyValues.map { Wildcard.instance(of: $0) } + policyValues + [unmatched] + typedExtras(policyValues, base)
        case .boolean:
            singles = ["true", "false"]
        case .accountOutside(let trusted):
            // A literal account is an entry of its own (the public, or a service steered from anywhere, is not it).
            singles = policyValues.filter(Wildcard.hasWildcard).map { Wildcard.instance(of: $0, filler: "0") }
                .compactMap { padAccount($0) }.filter { !trusted.contains($0) } + [freshAccount(outside: trusted)]
        case .arnInAccount(let account):
            singles = policyValues.compactMap { arnInstance($0, account: { field, _ in Wildcard.matches(field, account) ? account : nil }) }
                + ["arn:aws:iam::\(account):role/\(unmatched)"]
        case .arnOutside(let trusted):
            let fresh = freshAccount(outside: trusted)
            singles = policyValues.compactMap { arnInstance($0, account: { field, parts in
                // An ARN without an account (an S3 bucket) pins the source only when it names the resource exactly.
                if field.isEmpty { return Wildcard.hasWildcard(parts[5]) ? "" : nil }
                // A literal outside account is that account's entry, not anyone's.
                return Wildcard.hasWildcard(field) ? fresh : nil
            }) } + ["arn:aws:iam::\(fresh):role/\(unmatched)"]
        case .anythingBut(let excluded):
            singles = (policyValues.map { Wildcard.instance(of: $0) } + policyValues + [unmatched])
                .filter { !excluded.contains($0) }
        case .pathOutside(let organization):
            singles = policyValues.compactMap { pathInstance($0, outside: organization) } + [unmatched]
        case .prefixed(let prefix):
            singles = policyValues.map { Wildcard.instance(of: $0) }.filter { $0.hasPrefix(prefix) } + [prefix + unmatched]
        case .secret(let weakness):
            singles = policyValues.filter { weakness.isWeak($0) }.map { Wildcard.instance(of: $0) } + [unmatched]
        }
        var result: [[String]?] = singles.map { [$0] }
        if mayOmit { result.append(nil) }
        return result
    }

    /// Numbers, dates and addresses either side of each policy value, so ordering operators can go both ways.
    private static func typedExtras(_ values: [String], _ base: ConditionOperator.Base) -> [String] {
        var extras: [String] = []
        for value in values {
            if let number = Double(value) { extras += [String(number - 1), String(number + 1)] }
            if let date = ConditionValueMatching.parseDate(value), Double(value) == nil {
                extras += [String(date - 86_400), String(date + 86_400)]
            }
        }
        if base == .ipAddress || base == .notIpAddress { extras += ["192.0.2.1", "2001:db8::1"] }
        return extras
    }

    /// A path the pattern matches whose organization is not `organization`; nil when only this organization's (or,
    /// when the organization is unknown, only a literal organization's) paths match.
    private static func pathInstance(_ pattern: String, outside organization: String?) -> String? {
        let segments = pattern.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let head = segments[0]
        let rest = segments.count > 1 ? "/" + Wildcard.instance(of: segments[1]) : ""
        if Wildcard.hasWildcard(head) {
            let other = Wildcard.instance(of: head, filler: "zz9other")
            return other == organization ? nil : other + rest
        }
        guard let organization, head != organization else { return nil }
        return head + rest
    }

    private static func padAccount(_ text: String) -> String? {
        let digits = text.filter(\.isNumber)
        guard digits.count == text.count, digits.count <= 12 else { return nil }
        return digits + String(repeating: "0", count: 12 - digits.count)
    }

    static func freshAccount(outside trusted: Set<String>) -> String {
        var candidate = 999_999_999_999
        while trusted.contains(String(candidate)) { candidate -= 1 }
        return String(candidate)
    }

    /// A concrete ARN matching `pattern` whose account field `account` decides (nil: no such ARN).
    private static func arnInstance(_ pattern: String, account: (String, [String]) -> String?) -> String? {
        if pattern == "*" { return account("*", []).map { "arn:aws:iam::\($0):role/\(unmatched)" } }
        let parts = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, let chosen = account(parts[4], parts) else { return nil }
        var concrete = parts.map { Wildcard.instance(of: $0) }
        concrete[4] = chosen
        return concrete.joined(separator: ":")
    }
}
