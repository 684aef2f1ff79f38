import TrustPathEngine

/// What kind of change a fix makes to a trust statement.
public enum FixKind: String, Sendable, Codable, CaseIterable {
    /// Require `StringEquals sts:ExternalId` with the value the vendor issued (replacing a weak form).
    case addExternalID = "add-external-id"
    /// Require `aws:PrincipalOrgID` to be the organization's id.
    case addPrincipalOrgID = "add-principal-org-id"
    /// Require `aws:SourceAccount` and `aws:SourceArn` naming the role's own account and resources.
    case addSourceConditions = "add-source-conditions"
    /// Pin the federated subject (`token.actions.githubusercontent.com:sub`, Cognito `aud`, …).
    case pinSubject = "pin-subject"
    /// Replace an account-root principal with the specific role that needs access.
    case replaceAccountRoot = "replace-account-root"
    /// Allow only named principal ARNs (`ArnEquals aws:PrincipalArn`).
    case restrictPrincipalARN = "restrict-principal-arn"
}

/// One condition to add to a statement: `operator: {key: values}`.
public struct ConditionAddition: Sendable, Codable, Hashable {
    public var op: String
    public var key: String
    public var values: [String]

    public init(op: String, key: String, values: [String]) {
        self.op = op
        self.key = key
        self.values = values
    }
}

/// A principal value to swap for another in `Principal.AWS`.
public struct PrincipalReplacement: Sendable, Codable, Hashable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// An exact change to one trust statement, ready to apply.
public struct Fix: Sendable, Codable, Hashable, Comparable {
    /// Stable: the statement and the kinds of change.
    public var id: String
    public var kinds: [FixKind]
    /// The role whose trust policy changes.
    public var role: String
    public var roleName: String
    public var statement: StatementReference
    /// In words, for people.
    public var summary: String
    public var addConditions: [ConditionAddition]
    /// Condition keys whose existing (weak) clauses are removed first.
    public var removeConditionKeys: [String]
    public var replacePrincipals: [PrincipalReplacement]
    /// `Principal.AWS` values moved out into a new statement that gets the conditions, so the other principals of the
    /// statement (a service that never sends sts:ExternalId, say) keep working. Empty: the statement itself changes.
    public var splitPrincipals: [String] = []
    /// Values the user must fill in before applying (never invented secrets).
    public var placeholders: [String]
    /// The same change as a byte-range replacement in the input file, when the file could be read.
    public var edit: FileEdit?

    public init(id: String, kinds: [FixKind], role: String, roleName: String, statement: StatementReference, summary: String,
                addConditions: [ConditionAddition], removeConditionKeys: [String], replacePrincipals: [PrincipalReplacement],
                placeholders: [String]) {
        self.id = id
        self.kinds = kinds
        self.role = role
        self.roleName = roleName
        self.statement = statement
        self.summary = summary
        self.addConditions = addConditions
        self.removeConditionKeys = removeConditionKeys
        self.replacePrincipals = replacePrincipals
        self.placeholders = placeholders
    }

    public static func < (lhs: Fix, rhs: Fix) -> Bool { lhs.id < rhs.id }
}

/// Replace `byteLength` bytes at `byteOffset` of `file` with `replacement`.
public struct FileEdit: Sendable, Codable, Hashable {
    public var file: String
    public var byteOffset: Int
    public var byteLength: Int
    public var replacement: String

    public init(file: String, byteOffset: Int, byteLength: Int, replacement: String) {
        self.file = file
        self.byteOffset = byteOffset
        self.byteLength = byteLength
        self.replacement = replacement
    }
}

/// Placeholder texts: obviously not real values, and never something an attacker could know.
public enum Placeholder {
    public static let externalID = "REPLACE-WITH-EXTERNAL-ID-ISSUED-BY-THE-VENDOR"
    public static let organizationID = "o-REPLACE-WITH-YOUR-ORG-ID"
    public static let allowedRole = "REPLACE-WITH-ALLOWED-ROLE"
    public static let githubSubject = "repo:REPLACE-OWNER/REPLACE-REPO:ref:refs/heads/main"
    public static let subject = "REPLACE-WITH-ALLOWED-SUBJECT"
    public static let identityPool = "REPLACE-WITH-IDENTITY-POOL-ID"
}
