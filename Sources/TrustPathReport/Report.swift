import TrustPathAnalysis
import TrustPathModel
import TrustPathRemediation

/// The one value every reporter renders: versioned, Codable, sorted.
public struct Report: Sendable, Codable, Hashable {
    /// Bumped when a field changes meaning or goes away; new fields may appear within a version.
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var snapshot: SnapshotInfo
    public var summary: ReportSummary
    /// Ranked: severity, then entry exposure, then path length.
    public var findings: [Finding]
    /// Every proposed fix, ranked by the findings it removes.
    public var fixes: [RankedFix]
    /// A minimum set of trust-statement fixes that removes every finding at or above `chokePointSeverity`.
    public var chokePoints: [Fix]
    public var chokePointSeverity: Severity
    /// Targets at or above that severity which no trust fix can cut off.
    public var uncuttableTargets: [String]
    public var assumptions: [String]
    public var diagnostics: [Diagnostic]

    public static let currentSchemaVersion = 1

    public init(tool: ToolInfo = ToolInfo(), snapshot: SnapshotInfo, findings: [Finding], fixes: [RankedFix] = [],
                chokePoints: [Fix] = [], chokePointSeverity: Severity = .critical, uncuttableTargets: [String] = [],
                assumptions: [String], diagnostics: [Diagnostic]) {
        schemaVersion = Self.currentSchemaVersion
        self.tool = tool
        self.snapshot = snapshot
        self.findings = findings
        self.summary = ReportSummary(findings: findings)
        self.fixes = fixes
        self.chokePoints = chokePoints
        self.chokePointSeverity = chokePointSeverity
        self.uncuttableTargets = uncuttableTargets
        self.assumptions = assumptions
        self.diagnostics = diagnostics
    }
}

/// The tool that made the report.
public struct ToolInfo: Sendable, Codable, Hashable {
    public var name = "trustpath"
    public var version = TrustPathVersion.current
    public var informationURI = "https://github.com/trustpath/trustpath"

    public init() {}
}

/// The version of TrustPath, printed by `--version` and written into every report.
public enum TrustPathVersion {
    public static let current = "0.1.0"
}

/// What was analyzed.
public struct SnapshotInfo: Sendable, Codable, Hashable {
    public var directory: String
    public var organizationID: String?
    public var analyzedAccounts: [String]
    public var trustedAccounts: Int
    /// Each file and what was made of it.
    public var files: [InputFile]
    /// Names of accounts, from list-accounts and the vendor list, for display.
    public var accountNames: [String: String]

    public init(directory: String, organizationID: String?, analyzedAccounts: [String], trustedAccounts: Int,
                files: [InputFile], accountNames: [String: String]) {
        self.directory = directory
        self.organizationID = organizationID
        self.analyzedAccounts = analyzedAccounts
        self.trustedAccounts = trustedAccounts
        self.files = files
        self.accountNames = accountNames
    }
}

/// Counts for the top of every report.
public struct ReportSummary: Sendable, Codable, Hashable {
    public var findings: Int
    public var bySeverity: [String: Int]
    public var byCategory: [String: Int]
    public var byEntryKind: [String: Int]
    public var conditional: Int

    public init(findings: [Finding]) {
        self.findings = findings.count
        bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in
            (severity.rawValue, findings.filter { $0.severity == severity }.count)
        })
        byCategory = Dictionary(grouping: findings, by: \.category.rawValue).mapValues(\.count)
        byEntryKind = Dictionary(grouping: findings, by: \.entry.kind.rawValue).mapValues(\.count)
        conditional = findings.filter { $0.state == .conditional }.count
    }
}
