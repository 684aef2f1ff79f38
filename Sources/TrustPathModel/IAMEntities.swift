/// A policy embedded in a user, group or role.
public struct InlinePolicy: Sendable, Hashable, Codable {
    public var name: String
    public var document: PolicyDocument
    public var location: SourceLocation

    public init(name: String, document: PolicyDocument, location: SourceLocation) {
        self.name = name
        self.document = document
        self.location = location
    }
}

/// A managed policy as exported: only the default version matters to the analysis.
public struct ManagedPolicy: Sendable, Hashable, Codable {
    public var arn: String
    public var name: String
    public var defaultDocument: PolicyDocument?
    public var location: SourceLocation

    public init(arn: String, name: String, defaultDocument: PolicyDocument?, location: SourceLocation) {
        self.arn = arn
        self.name = name
        self.defaultDocument = defaultDocument
        self.location = location
    }
}

/// An IAM role with its trust policy and permissions.
///
/// A value like the other entities, stored in one shared box until changed: the analysis copies roles out of its
/// look-ups on every hop, and a copy is then one reference count instead of one per field.
public struct Role: Sendable, Hashable, Codable {
    /// The role's fields; encoded and compared as the role.
    private struct Fields: Sendable, Hashable, Codable {
        var arn: String
        var name: String
        var path: String
        var roleID: String
        var account: String
        var partition: String
        var trustPolicy: PolicyDocument?
        var inlinePolicies: [InlinePolicy]
        var attachedPolicyARNs: [String]
        var permissionsBoundaryARN: String?
        var tags: [String: String]
        var location: SourceLocation
        var trustLocation: SourceLocation
    }

    /// Only ever changed while uniquely referenced (`update`), so sharing it across threads is safe.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private var fields: Fields { box.fields }

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        change(&box.fields)
    }

    public var arn: String { get { fields.arn } set { update { $0.arn = newValue } } }
    public var name: String { get { fields.name } set { update { $0.name = newValue } } }
    public var path: String { get { fields.path } set { update { $0.path = newValue } } }
    /// `AROA…`; tells a role apart from a deleted one recreated under the same name.
    public var roleID: String { get { fields.roleID } set { update { $0.roleID = newValue } } }
    public var account: String { get { fields.account } set { update { $0.account = newValue } } }
    public var partition: String { get { fields.partition } set { update { $0.partition = newValue } } }
    /// nil when the export has no `AssumeRolePolicyDocument` (nobody can assume it).
    public var trustPolicy: PolicyDocument? { get { fields.trustPolicy } set { update { $0.trustPolicy = newValue } } }
    public var inlinePolicies: [InlinePolicy] { get { fields.inlinePolicies } set { update { $0.inlinePolicies = newValue } } }
    public var attachedPolicyARNs: [String] {
        get { fields.attachedPolicyARNs }
        set { update { $0.attachedPolicyARNs = newValue } }
    }
    public var permissionsBoundaryARN: String? {
        get { fields.permissionsBoundaryARN }
        set { update { $0.permissionsBoundaryARN = newValue } }
    }
    public var tags: [String: String] { get { fields.tags } set { update { $0.tags = newValue } } }
    public var location: SourceLocation { get { fields.location } set { update { $0.location = newValue } } }
    /// Where the trust policy sits in its file.
    public var trustLocation: SourceLocation { get { fields.trustLocation } set { update { $0.trustLocation = newValue } } }

    public init(arn: String, name: String, path: String, roleID: String, account: String, partition: String,
                trustPolicy: PolicyDocument?, inlinePolicies: [InlinePolicy] = [], attachedPolicyARNs: [String] = [],
                permissionsBoundaryARN: String? = nil, tags: [String: String] = [:], location: SourceLocation,
                trustLocation: SourceLocation? = nil) {
        box = Box(Fields(arn: arn, name: name, path: path, roleID: roleID, account: account, partition: partition,
                         trustPolicy: trustPolicy, inlinePolicies: inlinePolicies, attachedPolicyARNs: attachedPolicyARNs,
                         permissionsBoundaryARN: permissionsBoundaryARN, tags: tags, location: location,
                         trustLocation: trustLocation ?? location))
    }

    public init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }

    public static func == (lhs: Role, rhs: Role) -> Bool { lhs.box === rhs.box || lhs.fields == rhs.fields }

    public func hash(into hasher: inout Hasher) { fields.hash(into: &hasher) }

    /// Service-linked roles live under `/aws-service-role/`: AWS owns their trust and nobody can edit it.
    public var isServiceLinked: Bool { path.hasPrefix("/aws-service-role/") }
}

/// An IAM user.
public struct User: Sendable, Hashable, Codable {
    public var arn: String
    public var name: String
    public var userID: String
    public var account: String
    public var inlinePolicies: [InlinePolicy]
    public var attachedPolicyARNs: [String]
    public var groupNames: [String]
    public var permissionsBoundaryARN: String?
    public var location: SourceLocation

    public init(arn: String, name: String, userID: String, account: String, inlinePolicies: [InlinePolicy] = [],
                attachedPolicyARNs: [String] = [], groupNames: [String] = [], permissionsBoundaryARN: String? = nil,
                location: SourceLocation) {
        self.arn = arn
        self.name = name
        self.userID = userID
        self.account = account
        self.inlinePolicies = inlinePolicies
        self.attachedPolicyARNs = attachedPolicyARNs
        self.groupNames = groupNames
        self.permissionsBoundaryARN = permissionsBoundaryARN
        self.location = location
    }
}

/// An IAM group.
public struct Group: Sendable, Hashable, Codable {
    public var arn: String
    public var name: String
    public var account: String
    public var inlinePolicies: [InlinePolicy]
    public var attachedPolicyARNs: [String]
    public var location: SourceLocation

    public init(arn: String, name: String, account: String, inlinePolicies: [InlinePolicy] = [],
                attachedPolicyARNs: [String] = [], location: SourceLocation) {
        self.arn = arn
        self.name = name
        self.account = account
        self.inlinePolicies = inlinePolicies
        self.attachedPolicyARNs = attachedPolicyARNs
        self.location = location
    }
}
