import TrustPathAnalysis
import TrustPathModel
import TrustPathReport

/// What to draw: which findings, and when to collapse the overview.
public struct DiagramOptions: Sendable, Hashable {
    /// Keep findings of this severity or worse (`high` keeps critical and high).
    public var minimumSeverity: Severity?
    /// Keep findings whose target role ARN contains this text.
    public var target: String?
    /// Keep findings from this entry: its id (`*`, an account id, a service, a provider ARN), a vendor's name,
    /// or a provider's short name (`oidc-provider/token.actions.githubusercontent.com`).
    public var entry: String?
    /// Keep findings that touch this account: the target's, any role on the chain, or the entry's.
    public var account: String?
    /// Draw one node per account when the overview would have more nodes than this.
    public var collapseAbove: Int
    /// The image formats written beside each `.dot` file.
    public var formats: [ImageFormat]
    /// Write one diagram per finding besides the overview.
    public var perFinding: Bool

    public init(minimumSeverity: Severity? = nil, target: String? = nil, entry: String? = nil, account: String? = nil,
                collapseAbove: Int = 150, formats: [ImageFormat] = ImageFormat.allCases, perFinding: Bool = true) {
        self.minimumSeverity = minimumSeverity
        self.target = target
        self.entry = entry
        self.account = account
        self.collapseAbove = collapseAbove
        self.formats = formats
        self.perFinding = perFinding
    }

    /// The findings these options keep, in report order.
    public func filter(_ findings: [Finding]) -> [Finding] {
        findings.filter(keeps)
    }

    /// True when any filter is set.
    public var isFiltered: Bool { minimumSeverity != nil || target != nil || entry != nil || account != nil }

    func keeps(_ finding: Finding) -> Bool {
        if let minimumSeverity, finding.severity > minimumSeverity { return false }
        if let target, !target.isEmpty, !finding.target.contains(target) { return false }
        if let entry, !entry.isEmpty, !Self.entryMatches(finding.entry, entry) { return false }
        if let account, !account.isEmpty, !Self.touches(finding, account: account) { return false }
        return true
    }

    private static func entryMatches(_ entry: Entry, _ text: String) -> Bool {
        entry.id == text
            || entry.name?.caseInsensitiveCompare(text) == .orderedSame
            || (entry.kind == .federated && FederatedNames.short(entry.id) == text)
    }

    private static func touches(_ finding: Finding, account: String) -> Bool {
        if finding.targetAccount == account { return true }
        if finding.entry.id == account { return true }
        if ARN(finding.entry.id)?.account == account { return true }
        return finding.path.dropFirst().contains { ARN($0)?.account == account }
    }
}
