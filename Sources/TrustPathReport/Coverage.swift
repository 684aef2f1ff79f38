import TrustPathModel

/// What the analysis could not see: opens every report, so missing coverage is never silent.
public struct Coverage: Sendable, Codable, Hashable {
    /// Organization members with no authorization-details export: chains through their roles cannot be seen.
    public var membersWithoutExport: [String]
    /// SCP and RCP files that name no target: they limit nothing in the analysis.
    public var policiesWithoutTargets: [String]
    /// Files skipped or unreadable, with why.
    public var skippedFiles: [InputFile]
    /// Trust-policy values that still hold a fix's placeholder (`REPLACE-WITH-…`): the snapshot is a fixed copy
    /// not yet filled in, and those statements match nobody, which no real account would show.
    public var placeholders: [Diagnostic] = []

    public init(membersWithoutExport: [String] = [], policiesWithoutTargets: [String] = [], skippedFiles: [InputFile] = []) {
        self.membersWithoutExport = membersWithoutExport
        self.policiesWithoutTargets = policiesWithoutTargets
        self.skippedFiles = skippedFiles
    }

    /// What a snapshot lacks.
    public init(_ snapshot: Snapshot) {
        let members = Set(snapshot.organization?.members.keys.map { $0 } ?? [])
        membersWithoutExport = members.subtracting(snapshot.accounts.keys).sorted()
        policiesWithoutTargets = Array(Set(snapshot.organizationPolicies.filter(\.targets.isEmpty).map(\.location.file))).sorted()
        skippedFiles = snapshot.files.filter { $0.kind == .skipped || $0.kind == .unreadable }
    }

    /// True when the analysis saw everything it was given and every member.
    public var isComplete: Bool {
        membersWithoutExport.isEmpty && policiesWithoutTargets.isEmpty && skippedFiles.isEmpty && placeholders.isEmpty
    }
}

/// An identity provider of the organization's own (a SAML provider, IAM Identity Center's among them): not an
/// entry, listed with the roles that trust it directly.
public struct OwnIdentityProvider: Sendable, Codable, Hashable {
    public var provider: String
    public var roles: [String]

    public init(provider: String, roles: [String]) {
        self.provider = provider
        self.roles = roles
    }
}
