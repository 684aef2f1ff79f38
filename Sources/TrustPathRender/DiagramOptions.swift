import TrustPathAnalysis
import TrustPathModel
import TrustPathReport

/// What to draw: which doors, and when to collapse the overview. A door is kept whole when it matches.
public struct DiagramOptions: Sendable, Hashable {
    /// Keep doors (and findings) of this severity or worse (`high` keeps critical and high).
    public var minimumSeverity: Severity?
    /// Keep doors whose role or one of whose worst targets has an ARN containing this text (findings: the target).
    public var target: String?
    /// Keep doors this entry passes (findings from it): its id (`*`, an account id, a service, a provider ARN), a vendor's name,
    /// or a provider's short name (`oidc-provider/token.actions.githubusercontent.com`).
    public var entry: String?
    /// Keep doors that touch this account: the door's, an entry's, or any role on a drawn path.
    public var account: String?
    /// Draw one node per account when the overview would have more nodes than this.
    public var collapseAbove: Int
    /// The image formats written beside each `.dot` file.
    public var formats: [ImageFormat]
    /// Write one diagram per door besides the overview.
    public var perDoor: Bool

    public init(minimumSeverity: Severity? = nil, target: String? = nil, entry: String? = nil, account: String? = nil,
                collapseAbove: Int = 150, formats: [ImageFormat] = ImageFormat.allCases, perDoor: Bool = true) {
        self.minimumSeverity = minimumSeverity
        self.target = target
        self.entry = entry
        self.account = account
        self.collapseAbove = collapseAbove
        self.formats = formats
        self.perDoor = perDoor
    }

    /// The findings these options keep, in report order.
    public func filter(_ findings: [Finding]) -> [Finding] {
        findings.filter(keeps)
    }

    /// The doors these options keep, in report order.
    public func filter(_ doors: [ReportDoor]) -> [ReportDoor] {
        doors.filter(keeps)
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

    func keeps(_ door: ReportDoor) -> Bool {
        if let minimumSeverity, door.severity > minimumSeverity { return false }
        if let target, !target.isEmpty, !door.role.contains(target), !door.top.contains(where: { $0.target.contains(target) }) {
            return false
        }
        if let entry, !entry.isEmpty, !door.entries.contains(where: { passing in
            Self.entryMatches(Entry(kind: passing.kind, id: passing.id, name: passing.name), entry)
                || passing.alsoPassing.contains(entry)
        }) {
            return false
        }
        if let account, !account.isEmpty, !Self.touches(door, account: account) { return false }
        return true
    }

    private static func touches(_ door: ReportDoor, account: String) -> Bool {
        if door.account == account { return true }
        if door.entries.contains(where: { $0.id == account || ARN($0.id)?.account == account || $0.alsoPassing.contains(account) }) {
            return true
        }
        return door.top.contains { $0.path.dropFirst().contains { ARN($0)?.account == account } }
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
