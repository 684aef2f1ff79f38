import TrustPathRemediation
import TrustPathAnalysis
import TrustPathEngine
import TrustPathEvidence
import TrustPathModel

/// One door as reports show it: the trust statement through which chains enter the organization, who passes it,
/// what lies behind it, and how to close it. Doors are the report's unit; pairs stay available to machines.
public struct ReportDoor: Sendable, Codable, Hashable {
    /// `ROLE-ARN#STATEMENT-INDEX`: stable across snapshots while the statement keeps its place.
    public var id: String
    /// The role ARN whose trust policy holds the statement.
    public var role: String
    public var account: String
    /// The statement's index in the trust policy (from 0) and its Sid, when it has one.
    public var statement: Int
    public var sid: String?
    /// The input file holding the statement, and where the statement starts in it when the file could be read.
    public var file: String
    public var region: SourceRegion?
    /// The entries that pass the door. Where the public passes, the outside accounts that also pass are listed
    /// under it (`alsoPassing`), not as entries of their own.
    public var entries: [DoorEntry]
    /// The worst target behind the door, and why.
    public var severity: Severity
    public var severityReason: String
    public var category: FindingCategory
    /// Open when some entry passes the door without resting on an undecidable condition.
    public var state: HopState
    /// Roles reachable through the door, counted by severity (`critical`, `high`, `medium`, `low`).
    public var behind: [String: Int]
    /// The worst targets behind the door, each with a shortest path.
    public var top: [DoorTarget]
    /// The change that closes the door, when one can be proposed.
    public var fix: Fix?
    /// `RoleLastUsed` of the door's role, when the export has it.
    public var lastUsed: LastUsed?
    /// The diagram file drawn for this door, relative to the diagram directory.
    public var diagram: String?
    /// Set when an accepted risk of the project file covered pairs through this door but has expired.
    public var expiredAcceptance: ExpiredAcceptance?
    /// What a session through the door carries: source identity, session tags, how long it lasts.
    public var session: SessionFacts?
    /// True when the export records no use of the door's role: deleting the role is then the simplest fix.
    public var mayDelete: Bool = false
    /// For a role IAM Identity Center manages: the permission set to change (its trust is never edited by hand).
    public var permissionSet: String?
    /// With `--cloudtrail`: an entry seen passing the door, and how often.
    public var observed: Observation?
    public var observedEntry: String?

    public init(id: String, role: String, account: String, statement: Int, sid: String?, file: String,
                region: SourceRegion? = nil, entries: [DoorEntry], severity: Severity, severityReason: String,
                category: FindingCategory, state: HopState, behind: [String: Int], top: [DoorTarget],
                fix: Fix? = nil, lastUsed: LastUsed? = nil, diagram: String? = nil,
                expiredAcceptance: ExpiredAcceptance? = nil) {
        self.id = id
        self.role = role
        self.account = account
        self.statement = statement
        self.sid = sid
        self.file = file
        self.region = region
        self.entries = entries
        self.severity = severity
        self.severityReason = severityReason
        self.category = category
        self.state = state
        self.behind = behind
        self.top = top
        self.fix = fix
        self.lastUsed = lastUsed
        self.diagram = diagram
        self.expiredAcceptance = expiredAcceptance
    }
}
