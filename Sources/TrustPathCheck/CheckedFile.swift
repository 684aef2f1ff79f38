import TrustPathModel

/// A role a checked file creates or changes, as the analysis model holds it, with where it is written.
public struct CheckedRole: Sendable {
    public var file: String
    /// The CloudFormation logical id or the Terraform address; nil for a bare trust policy.
    public var resource: String?
    /// 1-based line of the resource (a template's resource, a plan's `resource_changes` entry).
    public var resourceLine: Int?
    public var role: Role
    /// Statement index → 1-based line of its principal (templates), or of the resource (plans).
    public var statementLines: [Int: Int]

    public init(file: String, resource: String?, resourceLine: Int?, role: Role, statementLines: [Int: Int]) {
        self.file = file
        self.resource = resource
        self.resourceLine = resourceLine
        self.role = role
        self.statementLines = statementLines
    }

    /// The line of a statement, falling back to the resource's.
    public func line(ofStatement index: Int) -> Int? { statementLines[index] ?? resourceLine }
}

/// One checked file: what it is, the roles it creates or changes, and what could not be resolved.
public struct CheckedFile: Sendable {
    /// What the file was read as.
    public enum Kind: String, Sendable, Codable {
        case trustPolicy = "trust-policy"
        case cloudFormation = "cloudformation"
        case terraformPlan = "terraform-plan"
    }

    public var file: String
    public var kind: Kind
    public var roles: [CheckedRole]
    /// Customer managed policies the file defines (a template's `AWS::IAM::ManagedPolicy`), by account.
    public var policies: [ManagedPolicy]
    public var notes: [CheckNote]
    /// Problems in the policy documents, as the snapshot reader reports them.
    public var diagnostics: [Diagnostic]

    public init(file: String, kind: Kind, roles: [CheckedRole] = [], policies: [ManagedPolicy] = [], notes: [CheckNote] = [],
                diagnostics: [Diagnostic] = []) {
        self.file = file
        self.kind = kind
        self.roles = roles
        self.policies = policies
        self.notes = notes
        self.diagnostics = diagnostics
    }
}
