/// An IAM policy document: the statements in document order.
public struct PolicyDocument: Sendable, Hashable, Codable {
    public var version: String?
    public var statements: [Statement]

    public init(version: String? = "2012-10-17", statements: [Statement]) {
        self.version = version
        self.statements = statements
    }
}

/// `Allow` or `Deny`.
public enum Effect: String, Sendable, Hashable, Codable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One statement, with every element normalised to lists.
public struct Statement: Sendable, Hashable, Codable {
    /// Position in the document's `Statement` array (0 when `Statement` is a single object).
    public var index: Int
    public var sid: String?
    public var effect: Effect
    /// `Principal`, or nil when the statement has none (identity policies).
    public var principal: PrincipalSet?
    /// `NotPrincipal`, kept so trust analysis can warn about it.
    public var notPrincipal: PrincipalSet?
    /// `Action` or `NotAction`.
    public var action: MatchList
    /// `Resource` or `NotResource`; nil when absent (trust policies).
    public var resource: MatchList?
    /// Condition clauses; all must hold (AND).
    public var conditions: [ConditionClause]

    public init(index: Int = 0, sid: String? = nil, effect: Effect, principal: PrincipalSet? = nil, notPrincipal: PrincipalSet? = nil,
                action: MatchList, resource: MatchList? = nil, conditions: [ConditionClause] = []) {
        self.index = index
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.notPrincipal = notPrincipal
        self.action = action
        self.resource = resource
        self.conditions = conditions
    }
}

/// A list of patterns that either names what matches (`Action`) or what does not (`NotAction`).
public struct MatchList: Sendable, Hashable, Codable {
    public var patterns: [String]
    /// True for the `Not…` form.
    public var negated: Bool

    public init(_ patterns: [String], negated: Bool = false) {
        self.patterns = patterns
        self.negated = negated
    }
}

/// The principals named by `Principal` or `NotPrincipal`.
public struct PrincipalSet: Sendable, Hashable, Codable {
    /// `"Principal": "*"`: everyone, of every kind.
    public var everyone: Bool
    /// Values under `AWS`: `*`, account ids, ARNs, unique ids.
    public var aws: [String]
    /// Values under `Service`.
    public var service: [String]
    /// Values under `Federated`.
    public var federated: [String]
    /// Values under `CanonicalUser` (S3 only; never matches in a trust policy).
    public var canonicalUser: [String]

    public init(everyone: Bool = false, aws: [String] = [], service: [String] = [], federated: [String] = [],
                canonicalUser: [String] = []) {
        self.everyone = everyone
        self.aws = aws
        self.service = service
        self.federated = federated
        self.canonicalUser = canonicalUser
    }

    /// The `AWS` values that name a principal of one of these accounts (root, bare id, role, user, session):
    /// the accounts the statement names, as opposed to those that only pass a `"*"`.
    public func awsPrincipals(inAccounts accounts: Set<String>) -> [String] {
        aws.filter { PrincipalReference($0).account.map(accounts.contains) ?? false }
    }
}

/// One `operator: { key: [values] }` entry of a `Condition` block.
public struct ConditionClause: Sendable, Hashable, Codable {
    public var op: ConditionOperator
    /// The condition key as written; comparisons ignore its case.
    public var key: String
    /// The values, OR-ed. Numbers and booleans are kept as their text.
    public var values: [String]

    public init(op: ConditionOperator, key: String, values: [String]) {
        self.op = op
        self.key = key
        self.values = values
    }

    /// The key in lower case, the form AWS compares.
    public var normalizedKey: String { key.lowercased() }
}
