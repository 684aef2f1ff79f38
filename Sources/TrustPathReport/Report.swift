import TrustPathAnalysis
import TrustPathEvidence
import TrustPathModel
import TrustPathRemediation

/// The one value every reporter renders: versioned, Codable, sorted.
public struct Report: Sendable, Codable, Hashable {
    /// Bumped when a field changes meaning or goes away; new fields may appear within a version.
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var snapshot: SnapshotInfo
    public var summary: ReportSummary
    /// What the analysis could not see.
    public var coverage: Coverage = Coverage()
    /// When the report was made and, in CI, of which commit: set by the command line, never by tests' reports.
    public var generated: GenerationInfo?
    /// With `--cloudtrail`: what the trail showed.
    public var evidence: EvidenceSummary?
    /// With `--cloudtrail`: each pair whose every hop the trail shows used, by pair id (written with the pairs).
    public var pairObservations: [String: Observation] = [:]
    /// The organization's own identity providers (SAML), which are not entries, with the roles they reach directly.
    public var ownIdentityProviders: [OwnIdentityProvider] = []
    /// The doors, ranked: severity, then entry exposure, then roles behind, then path length.
    public var doors: [ReportDoor] = []
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
    /// Findings hidden by an unexpired accepted risk of the project file: not in `findings`, counted in `summary`.
    public var suppressed: [SuppressedFinding]

    /// 2: doors are the report's unit; `--format json` leaves the pairs out (`--format pairs` streams them).
    public static let currentSchemaVersion = 2

    public init(tool: ToolInfo = ToolInfo(), snapshot: SnapshotInfo, doors: [ReportDoor] = [], findings: [Finding],
                fixes: [RankedFix] = [],
                chokePoints: [Fix] = [], chokePointSeverity: Severity = .critical, uncuttableTargets: [String] = [],
                assumptions: [String], diagnostics: [Diagnostic], suppressed: [SuppressedFinding] = []) {
        schemaVersion = Self.currentSchemaVersion
        self.tool = tool
        self.snapshot = snapshot
        self.doors = doors
        self.findings = findings
        self.suppressed = suppressed
        self.summary = ReportSummary(findings: findings, doors: doors, suppressed: suppressed.count)
        self.fixes = fixes
        self.chokePoints = chokePoints
        self.chokePointSeverity = chokePointSeverity
        self.uncuttableTargets = uncuttableTargets
        self.assumptions = assumptions
        self.diagnostics = diagnostics
    }

    /// Set to true in an encoder's `userInfo` to leave the pairs (`findings`) out: the JSON report carries doors and
    /// counts; `--format pairs` streams every pair.
    public static let omitPairs = CodingUserInfoKey(rawValue: "trustpath.omitPairs")!

    enum CodingKeys: String, CodingKey {
        case schemaVersion, tool, snapshot, summary, coverage, ownIdentityProviders, evidence, pairObservations, generated, doors, findings, fixes, chokePoints, chokePointSeverity
        case uncuttableTargets, assumptions, diagnostics, suppressed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(snapshot, forKey: .snapshot)
        try container.encode(summary, forKey: .summary)
        try container.encode(coverage, forKey: .coverage)
        try container.encode(ownIdentityProviders, forKey: .ownIdentityProviders)
        try container.encodeIfPresent(evidence, forKey: .evidence)
        try container.encodeIfPresent(generated, forKey: .generated)
        if encoder.userInfo[Self.omitPairs] as? Bool != true, !pairObservations.isEmpty {
            try container.encode(pairObservations, forKey: .pairObservations)
        }
        try container.encode(doors, forKey: .doors)
        if encoder.userInfo[Self.omitPairs] as? Bool != true { try container.encode(findings, forKey: .findings) }
        try container.encode(fixes, forKey: .fixes)
        try container.encode(chokePoints, forKey: .chokePoints)
        try container.encode(chokePointSeverity, forKey: .chokePointSeverity)
        try container.encode(uncuttableTargets, forKey: .uncuttableTargets)
        try container.encode(assumptions, forKey: .assumptions)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(suppressed, forKey: .suppressed)
    }

    // Reports saved in history before `suppressed` existed still decode.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        tool = try container.decode(ToolInfo.self, forKey: .tool)
        snapshot = try container.decode(SnapshotInfo.self, forKey: .snapshot)
        summary = try container.decode(ReportSummary.self, forKey: .summary)
        coverage = try container.decodeIfPresent(Coverage.self, forKey: .coverage) ?? Coverage()
        evidence = try container.decodeIfPresent(EvidenceSummary.self, forKey: .evidence)
        generated = try container.decodeIfPresent(GenerationInfo.self, forKey: .generated)
        pairObservations = try container.decodeIfPresent([String: Observation].self, forKey: .pairObservations) ?? [:]
        ownIdentityProviders = try container.decodeIfPresent([OwnIdentityProvider].self, forKey: .ownIdentityProviders) ?? []
        doors = try container.decodeIfPresent([ReportDoor].self, forKey: .doors) ?? []
        findings = try container.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        fixes = try container.decode([RankedFix].self, forKey: .fixes)
        chokePoints = try container.decode([Fix].self, forKey: .chokePoints)
        chokePointSeverity = try container.decode(Severity.self, forKey: .chokePointSeverity)
        uncuttableTargets = try container.decode([String].self, forKey: .uncuttableTargets)
        assumptions = try container.decode([String].self, forKey: .assumptions)
        diagnostics = try container.decode([Diagnostic].self, forKey: .diagnostics)
        suppressed = try container.decodeIfPresent([SuppressedFinding].self, forKey: .suppressed) ?? []
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
    /// Doors, and doors by the severity of the worst target behind them.
    public var doors: Int
    public var doorsBySeverity: [String: Int]
    /// Reachable (entry, role) pairs; the counts below count pairs.
    public var findings: Int
    public var bySeverity: [String: Int]
    public var byCategory: [String: Int]
    public var byEntryKind: [String: Int]
    public var conditional: Int
    /// Findings hidden by accepted risks (listed in the report's `suppressed`).
    public var suppressed: Int
    /// Findings whose accepted risk has expired: back in the list, flagged.
    public var expiredAcceptances: Int
    /// Findings raised by a crown-jewel rule.
    public var crownJewels: Int

    public init(findings: [Finding], doors: [ReportDoor] = [], suppressed: Int = 0) {
        self.doors = doors.count
        doorsBySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in
            (severity.rawValue, doors.filter { $0.severity == severity }.count)
        })
        self.findings = findings.count
        // Counted in one pass that copies no finding: a hub organization has a hundred thousand pairs.
        bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        byCategory = [:]
        byEntryKind = [:]
        conditional = 0
        expiredAcceptances = 0
        crownJewels = 0
        for position in findings.indices {
            bySeverity[findings[position].severity.rawValue, default: 0] += 1
            byCategory[findings[position].category.rawValue, default: 0] += 1
            byEntryKind[findings[position].entry.kind.rawValue, default: 0] += 1
            if findings[position].state == .conditional { conditional += 1 }
            if findings[position].expiredAcceptance != nil { expiredAcceptances += 1 }
            if findings[position].crownJewel != nil { crownJewels += 1 }
        }
        self.suppressed = suppressed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        doors = try container.decodeIfPresent(Int.self, forKey: .doors) ?? 0
        doorsBySeverity = try container.decodeIfPresent([String: Int].self, forKey: .doorsBySeverity) ?? [:]
        findings = try container.decode(Int.self, forKey: .findings)
        bySeverity = try container.decode([String: Int].self, forKey: .bySeverity)
        byCategory = try container.decode([String: Int].self, forKey: .byCategory)
        byEntryKind = try container.decode([String: Int].self, forKey: .byEntryKind)
        conditional = try container.decode(Int.self, forKey: .conditional)
        suppressed = try container.decodeIfPresent(Int.self, forKey: .suppressed) ?? 0
        expiredAcceptances = try container.decodeIfPresent(Int.self, forKey: .expiredAcceptances) ?? 0
        crownJewels = try container.decodeIfPresent(Int.self, forKey: .crownJewels) ?? 0
    }
}

/// When a report was made, and in CI of which commit.
public struct GenerationInfo: Sendable, Codable, Hashable {
    /// `YYYY-MM-DD` (UTC).
    public var date: String
    public var commit: String?

    public init(date: String, commit: String?) {
        self.date = date
        self.commit = commit
    }
}
