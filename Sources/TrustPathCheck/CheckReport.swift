import TrustPathRemediation
import TrustPathAnalysis
import TrustPathModel

/// What `trustpath check` found: the one value every check reporter renders.
public struct CheckReport: Sendable, Codable {
    public var schemaVersion = 1
    /// The account the checked roles were placed in, and whether it was given (else a placeholder).
    public var account: String
    public var accountGiven: Bool
    /// The snapshot the change was put into, when one was given.
    public var snapshot: String?
    public var files: [CheckedFileSummary]
    /// Every checked role and its trust statements, whether or not anything passes them.
    public var roles: [CheckedRoleSummary]
    /// One per (statement, entry): an outsider who can assume a checked role through that statement.
    public var findings: [CheckFinding]
    /// With a snapshot: the (entry, role) pairs the change adds to the snapshot, and those it removes.
    public var opens: [PairChange]?
    public var closes: [PairChange]?
    public var notes: [CheckNote]
    public var diagnostics: [Diagnostic]

    /// The worst severity of the findings and opened pairs: what `--fail-on` compares.
    public var worstSeverity: Severity? {
        (findings.map(\.severity) + (opens ?? []).map(\.severity)).min()
    }
}

/// A checked file: what it was read as and how many roles it creates or changes.
public struct CheckedFileSummary: Sendable, Codable {
    public var file: String
    public var kind: CheckedFile.Kind
    public var roles: Int
}

/// A checked role and where it is written.
public struct CheckedRoleSummary: Sendable, Codable {
    public var file: String
    public var resource: String?
    public var line: Int?
    public var name: String
    public var arn: String
    /// Its trust statements in document order, each with how many outside entries enter through it.
    public var statements: [StatementSummary]
}

/// One trust statement of a checked role.
public struct StatementSummary: Sendable, Codable {
    public var index: Int
    public var sid: String?
    public var line: Int?
    /// How many outside entries enter through it.
    public var entries: Int
    /// Chains from outside that pass it after entering through another statement: `entry (through ROLE statement N)`.
    public var passedBy: [String]
}

/// An outsider who can assume a checked role through one trust statement.
public struct CheckFinding: Sendable, Codable {
    public var file: String
    /// The CloudFormation logical id or the Terraform address; nil for a bare trust policy.
    public var resource: String?
    /// 1-based: the statement's principal in a template or policy, the resource's entry in a plan.
    public var line: Int?
    public var statement: Int
    public var sid: String?
    public var role: String
    public var roleArn: String
    /// Who outside, for people (`external account 999988887777`, `anyone (Principal *)`).
    public var entry: String
    public var entryKind: String
    public var entryId: String
    /// The worst severity among the roles this entry reaches through the statement.
    public var severity: Severity
    public var severityReason: String
    /// `open`, or `conditional` when the hop rests on a condition the analysis cannot decide.
    public var state: String
    /// What the statement lacks against this entry (`sts:ExternalId`, `aws:SourceArn`, …) and weak forms present.
    public var lacks: [String]
    public var restsOn: [String]
    /// The exact change, in words.
    public var fix: String?
    /// The same change as data: conditions to add, principals to replace, placeholders to fill.
    public var fixChange: FixChange?
    /// Role ARNs this entry reaches through the statement (the role itself and what lies behind it).
    public var reaches: [String]
    /// SARIF rule id (TP001 … TP005).
    public var rule: String
}

/// The data of a fix, without the snapshot-specific byte edit.
public struct FixChange: Sendable, Codable {
    public var kinds: [FixKind]
    public var addConditions: [ConditionAddition]
    public var removeConditionKeys: [String]
    public var replacePrincipals: [PrincipalReplacement]
    public var splitPrincipals: [String]
    public var placeholders: [String]

    init(_ fix: Fix) {
        kinds = fix.kinds
        addConditions = fix.addConditions
        removeConditionKeys = fix.removeConditionKeys
        replacePrincipals = fix.replacePrincipals
        splitPrincipals = fix.splitPrincipals
        placeholders = fix.placeholders
    }
}

/// An (entry, role) pair the change opens or closes, with the door it comes through.
public struct PairChange: Sendable, Codable {
    public var entry: String
    public var entryId: String
    public var target: String
    public var targetName: String
    public var targetAccount: String
    public var severity: Severity
    /// The trust statement where the chain enters: role ARN and statement index.
    public var doorRole: String
    public var doorStatement: Int
    /// Where the door is written when it is one of the checked statements.
    public var doorFile: String?
    public var doorResource: String?
    public var doorLine: Int?
    /// The chain, entry first.
    public var path: [String]
    /// "this change lets external account 999988887777 reach OrgDeployAdmin (520388146927)".
    public var message: String
}
