import TrustPathEngine
import TrustPathModel

/// How a crown-jewel rule changed a finding's severity.
public struct CrownJewelMark: Sendable, Hashable, Codable {
    /// The rule that matched, as written: `role arn:…` or `tag key=value`.
    public var rule: String
    /// The severity the target's permissions alone gave.
    public var raisedFrom: Severity

    public init(rule: String, raisedFrom: Severity) {
        self.rule = rule
        self.raisedFrom = raisedFrom
    }
}

/// Crown jewels raise a finding one severity level (low → medium → high → critical): the role's permissions still
/// rank it, but a path to a role the team named as precious is worse than the same path to an ordinary one.
enum CrownJewels {
    static func apply(_ findings: [Finding], rules: [CrownJewelRule], index: SnapshotIndex) -> [Finding] {
        guard !rules.isEmpty else { return findings }
        return findings.map { finding in
            guard let role = index.rolesByARN[finding.target], let rule = rules.first(where: { matches($0, role) }) else { return finding }
            var raised = finding
            raised.crownJewel = CrownJewelMark(rule: rule.description, raisedFrom: finding.severity)
            raised.severity = Severity.allCases[max(0, finding.severity.rank - 1)]
            return raised
        }
    }

    static func matches(_ rule: CrownJewelRule, _ role: Role) -> Bool {
        switch rule {
        case .rolePattern(let pattern): Wildcard.matches(pattern, role.arn)
        case .tag(let key, let value): role.tags[key].map { actual in value.map { $0 == actual } ?? true } ?? false
        }
    }
}
