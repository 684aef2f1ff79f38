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
/// A value like the other entities, its fields kept in `CopyOnWrite` storage: the analysis copies roles out of
/// its look-ups on every hop.
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
        var lastUsed: RoleLastUsed?
        var maxSessionDuration: Int?
    }

    private var storage: CopyOnWrite<Fields>

    public var arn: String { get { storage.value.arn } set { storage.value.arn = newValue } }
    public var name: String { get { storage.value.name } set { storage.value.name = newValue } }
    public var path: String { get { storage.value.path } set { storage.value.path = newValue } }
    /// `AROA…`; tells a role apart from a deleted one recreated under the same name.
    public var roleID: String { get { storage.value.roleID } set { storage.value.roleID = newValue } }
    public var account: String { get { storage.value.account } set { storage.value.account = newValue } }
    public var partition: String { get { storage.value.partition } set { storage.value.partition = newValue } }
    /// nil when the export has no `AssumeRolePolicyDocument` (nobody can assume it).
    public var trustPolicy: PolicyDocument? {
        get { storage.value.trustPolicy }
        set { storage.value.trustPolicy = newValue }
    }
    public var inlinePolicies: [InlinePolicy] {
        get { storage.value.inlinePolicies }
        set { storage.value.inlinePolicies = newValue }
    }
    public var attachedPolicyARNs: [String] {
        get { storage.value.attachedPolicyARNs }
        set { storage.value.attachedPolicyARNs = newValue }
    }
    public var permissionsBoundaryARN: String? {
        get { storage.value.permissionsBoundaryARN }
        set { storage.value.permissionsBoundaryARN = newValue }
    }
    public var tags: [String: String] { get { storage.value.tags } set { storage.value.tags = newValue } }
    public var location: SourceLocation { get { storage.value.location } set { storage.value.location = newValue } }
    /// Where the trust policy sits in its file.
    public var trustLocation: SourceLocation {
        get { storage.value.trustLocation }
        set { storage.value.trustLocation = newValue }
    }
    /// `RoleLastUsed` as the export has it; nil when the export records no use (or does not say).
    public var lastUsed: RoleLastUsed? { get { storage.value.lastUsed } set { storage.value.lastUsed = newValue } }
    /// `MaxSessionDuration` in seconds; nil when the export does not say (AWS's default is 3600).
    public var maxSessionDuration: Int? {
        get { storage.value.maxSessionDuration }
        set { storage.value.maxSessionDuration = newValue }
    }

    public init(arn: String, name: String, path: String, roleID: String, account: String, partition: String,
                trustPolicy: PolicyDocument?, inlinePolicies: [InlinePolicy] = [], attachedPolicyARNs: [String] = [],
                permissionsBoundaryARN: String? = nil, tags: [String: String] = [:], location: SourceLocation,
                trustLocation: SourceLocation? = nil, lastUsed: RoleLastUsed? = nil, maxSessionDuration: Int? = nil) {
        storage = CopyOnWrite(Fields(arn: arn, name: name, path: path, roleID: roleID, account: account, partition: partition,
                         trustPolicy: trustPolicy, inlinePolicies: inlinePolicies, attachedPolicyARNs: attachedPolicyARNs,
                         permissionsBoundaryARN: permissionsBoundaryARN, tags: tags, location: location,
                         trustLocation: trustLocation ?? location, lastUsed: lastUsed,
                         maxSessionDuration: maxSessionDuration))
    }

    // Encoded flat, as the fields themselves.
    public init(from decoder: any Decoder) throws { storage = try CopyOnWrite(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try storage.encode(to: encoder) }

    /// Service-linked roles live under `/aws-service-role/`: AWS owns their trust and nobody can edit it.
    public var isServiceLinked: Bool { path.hasPrefix("/aws-service-role/") }

    /// Roles IAM Identity Center creates for a permission set live under `/aws-reserved/sso.amazonaws.com/`
    /// (optionally followed by a region): Identity Center rewrites their trust, so they change through the
    /// permission set, never by hand.
    public var isManagedByIdentityCenter: Bool { path.hasPrefix("/aws-reserved/sso.amazonaws.com/") }

    /// The permission set an Identity Center role stands for, read from its name
    /// (`AWSReservedSSO_<permission set>_<16 hex digits>`); nil for other roles.
    public var identityCenterPermissionSet: String? {
        guard isManagedByIdentityCenter, name.hasPrefix("AWSReservedSSO_") else { return nil }
        let rest = name.dropFirst("AWSReservedSSO_".count)
        guard let separator = rest.lastIndex(of: "_"), separator > rest.startIndex else { return nil }
        let suffix = rest[rest.index(after: separator)...]
        guard !suffix.isEmpty, suffix.allSatisfy(\.isHexDigit) else { return nil }
        return String(rest[..<separator])
    }

    /// False for roles whose trust policy AWS owns (service-linked) or Identity Center rewrites: a fix never
    /// proposes a hand edit of their trust.
    public var trustIsHandEditable: Bool { !isServiceLinked && !isManagedByIdentityCenter }
}

/// When a role was last used, as the export's `RoleLastUsed` says (IAM tracks about the last 400 days).
public struct RoleLastUsed: Sendable, Hashable, Codable {
    /// ISO 8601 in UTC (`2026-11-02T09:14:00Z`), whichever way the export wrote it.
    public var date: String
    /// The region of the last use, when the export says.
    public var region: String?

    public init(date: String, region: String? = nil) {
        self.date = date
        self.region = region
    }

    /// The day of the last use, `YYYY-MM-DD` (UTC).
    public var day: String { String(date.prefix(10)) }
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
