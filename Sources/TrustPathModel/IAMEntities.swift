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
public struct Role: Sendable, Hashable, Codable {
    public var arn: String
    public var name: String
    public var path: String
    /// `AROA…`; tells a role apart from a deleted one recreated under the same name.
    public var roleID: String
    public var account: String
    public var partition: String
    /// nil when the export has no `AssumeRolePolicyDocument` (nobody can assume it).
    public var trustPolicy: PolicyDocument?
    public var inlinePolicies: [InlinePolicy]
    public var attachedPolicyARNs: [String]
    public var permissionsBoundaryARN: String?
    public var tags: [String: String]
    public var location: SourceLocation
    /// Where the trust policy sits in its file.
    public var trustLocation: SourceLocation

    public init(arn: String, name: String, path: String, roleID: String, account: String, partition: String,
                trustPolicy: PolicyDocument?, inlinePolicies: [InlinePolicy] = [], attachedPolicyARNs: [String] = [],
                permissionsBoundaryARN: String? = nil, tags: [String: String] = [:], location: SourceLocation,
                trustLocation: SourceLocation? = nil) {
        self.arn = arn
        self.name = name
        self.path = path
        self.roleID = roleID
        self.account = account
        self.partition = partition
        self.trustPolicy = trustPolicy
        self.inlinePolicies = inlinePolicies
        self.attachedPolicyARNs = attachedPolicyARNs
        self.permissionsBoundaryARN = permissionsBoundaryARN
        self.tags = tags
        self.location = location
        self.trustLocation = trustLocation ?? location
    }

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
