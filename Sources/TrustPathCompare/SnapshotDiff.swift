import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel
import TrustPathReport

/// Two snapshots compared by finding identity (entry, target): a report of its own, so every diff reporter
/// renders the same value.
///
/// `new`, `resolved` and `unchanged` hold findings in the analyze schema; `changes` says, for unchanged
/// findings only, what moved between the two snapshots (path, severity, state, guards, a recreated target).
public struct SnapshotDiff: Sendable, Codable, Hashable {
    /// Bumped when a field changes meaning or goes away; new fields may appear within a version.
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var before: DiffSide
    public var after: DiffSide
    public var summary: DiffSummary
    /// The doors compared: the diff's unit for people.
    public var doors: DoorDiff
    /// In `after` only. Ranked like a report.
    public var new: [Finding]
    /// In `before` only, as they were in `before`. Ranked like a report.
    public var resolved: [Finding]
    /// In both, as they are in `after`. Ranked like a report.
    public var unchanged: [Finding]
    /// One entry per unchanged finding whose path, severity, state, guards or target role changed,
    /// in the order of `unchanged`.
    public var changes: [FindingChange]
    /// Account names of both snapshots (`after` wins), for display.
    public var accountNames: [String: String]

    /// 2: doors compared (`doors`).
    public static let currentSchemaVersion = 2

    /// Compares two reports. Pure: the same two reports always give the same diff.
    public init(before: Report, after: Report, beforeSide: DiffSide? = nil, afterSide: DiffSide? = nil) {
        schemaVersion = Self.currentSchemaVersion
        tool = ToolInfo()
        self.before = beforeSide ?? DiffSide(report: before)
        self.after = afterSide ?? DiffSide(report: after)
        // A report never holds one identity twice; if a hand-made one does, the first (best-ranked) wins.
        let old = Dictionary(before.findings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let current = Dictionary(after.findings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let regionsBefore = Self.doorRegions(before.doors)
        let regionsAfter = Self.doorRegions(after.doors)
        new = Self.locatingEntries(current.values.filter { old[$0.id] == nil }.sorted(by: Finding.ranked), regions: regionsAfter)
        resolved = Self.locatingEntries(old.values.filter { current[$0.id] == nil }.sorted(by: Finding.ranked), regions: regionsBefore)
        unchanged = Self.locatingEntries(current.values.filter { old[$0.id] != nil }.sorted(by: Finding.ranked), regions: regionsAfter)
        changes = unchanged.compactMap { finding in
            old[finding.id].flatMap { FindingChange(before: $0, after: finding) }
        }
        doors = DoorDiff(before: before.doors, after: after.doors)
        accountNames = before.snapshot.accountNames.merging(after.snapshot.accountNames) { _, newer in newer }
        summary = DiffSummary(before: before, after: after, new: new, resolved: resolved, unchanged: unchanged,
                              changes: changes)
    }

    /// Where each door's statement starts in its file, by door.
    static func doorRegions(_ doors: [ReportDoor]) -> [DoorKey: SourceRegion] {
        Dictionary(doors.compactMap { door in door.region.map { (DoorKey(role: door.role, statement: door.statement), $0) } },
                   uniquingKeysWith: { first, _ in first })
    }

    /// Each finding with where its entry statement starts in its file: the region of its door (the analysis locates
    /// the doors' statements, not each of a hundred thousand pairs).
    static func locatingEntries(_ findings: [Finding], regions: [DoorKey: SourceRegion]) -> [Finding] {
        findings.map { finding in
            var located = finding
            located.entryRegion = finding.door.flatMap { regions[$0] }
            return located
        }
    }

    /// The change recorded for an unchanged finding, if any.
    public func change(for findingID: String) -> FindingChange? {
        changes.first { $0.id == findingID }
    }

    /// Display names over both snapshots' account names.
    public var displayNames: DisplayNames {
        let info = SnapshotInfo(directory: "", organizationID: nil, analyzedAccounts: [], trustedAccounts: 0, files: [],
                                accountNames: accountNames)
        return DisplayNames(Report(snapshot: info, findings: [], assumptions: [], diagnostics: []))
    }
}

/// One side of a diff: where its report came from.
public struct DiffSide: Sendable, Codable, Hashable {
    /// What the user named: a directory, or `db:LABEL`.
    public var source: String
    /// The snapshot directory the report was made from.
    public var directory: String
    /// Set when the side is a saved snapshot.
    public var savedSnapshot: SavedSnapshotReference?
    public var findings: Int

    public init(report: Report, source: String? = nil, savedSnapshot: SavedSnapshotReference? = nil) {
        self.source = source ?? report.snapshot.directory
        directory = report.snapshot.directory
        self.savedSnapshot = savedSnapshot
        findings = report.summary.findings
    }

    /// How reporters name the side: the saved label, else the source.
    public var name: String { savedSnapshot.map { "\($0.label) (#\($0.id), taken \($0.takenAt))" } ?? source }
}

/// A saved snapshot as a diff side names it.
public struct SavedSnapshotReference: Sendable, Codable, Hashable {
    public var id: Int64
    public var label: String
    /// ISO 8601, UTC.
    public var takenAt: String

    public init(id: Int64, label: String, takenAt: String) {
        self.id = id
        self.label = label
        self.takenAt = takenAt
    }
}

/// Counts for the top of every diff.
public struct DiffSummary: Sendable, Codable, Hashable {
    public var new: Int
    public var resolved: Int
    public var unchanged: Int
    /// Unchanged findings with any change recorded.
    public var changed: Int
    /// Unchanged findings whose severity went up.
    public var worsened: Int
    /// Unchanged findings whose severity went down.
    public var improved: Int
    /// Unchanged findings whose target role was deleted and recreated under the same ARN.
    public var recreatedTargets: Int
    /// Findings per severity in each snapshot.
    public var before: [String: Int]
    public var after: [String: Int]
    /// New findings per severity.
    public var newBySeverity: [String: Int]
    /// Resolved findings per severity (as they were before).
    public var resolvedBySeverity: [String: Int]

    init(before: Report, after: Report, new: [Finding], resolved: [Finding], unchanged: [Finding],
         changes: [FindingChange]) {
        self.new = new.count
        self.resolved = resolved.count
        self.unchanged = unchanged.count
        changed = changes.count
        worsened = changes.filter { $0.severity.map { $0.to < $0.from } ?? false }.count
        improved = changes.filter { $0.severity.map { $0.to > $0.from } ?? false }.count
        recreatedTargets = changes.filter { $0.targetRecreated != nil }.count
        self.before = before.summary.bySeverity
        self.after = after.summary.bySeverity
        newBySeverity = Self.count(new)
        resolvedBySeverity = Self.count(resolved)
    }

    private static func count(_ findings: [Finding]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in
            (severity.rawValue, findings.filter { $0.severity == severity }.count)
        })
    }
}
