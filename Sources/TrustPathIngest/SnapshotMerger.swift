import TrustPathModel

/// Merges per-file contributions into one snapshot: entities grouped by the account in their own ARN,
/// pages of one account combined, duplicates dropped and conflicts reported (the first file in path order wins).
enum SnapshotMerger {
    /// The merged snapshot and the first place two files disagree about one entity: two exports of one account
    /// (two months' snapshots in one folder), which no merge can make sense of.
    static func mergeChecked(_ files: [(path: String, contribution: FileContribution)],
                             directory: String) -> (snapshot: Snapshot, conflict: ExportConflict?) {
        var conflicts: [ExportConflict] = []
        let snapshot = merge(files, directory: directory, conflicts: &conflicts)
        return (snapshot, conflicts.min { ($0.secondFile, $0.entity) < ($1.secondFile, $1.entity) })
    }

    static func merge(_ files: [(path: String, contribution: FileContribution)], directory: String) -> Snapshot {
        var conflicts: [ExportConflict] = []
        return merge(files, directory: directory, conflicts: &conflicts)
    }

    private static func merge(_ files: [(path: String, contribution: FileContribution)], directory: String,
                              conflicts: inout [ExportConflict]) -> Snapshot {
        var snapshot = Snapshot(directory: directory)
        var roots: Set<String> = []
        var parents: [String: String] = [:]
        var structureOrganizationID: String?
        var builders: [String: AccountBuilder] = [:]
        var organization = Organization()
        var sawOrganization = false
        var truncatedFiles: [String: [String]] = [:]

        for (path, contribution) in files {
            snapshot.files.append(InputFile(path: path, kind: contribution.kind, detail: contribution.detail))
            snapshot.diagnostics += contribution.diagnostics
            if contribution.kind == .skipped {
                snapshot.diagnostics.append(Diagnostic(.note, code: "skipped-file", "skipped: \(contribution.detail)",
                                                       at: SourceLocation(file: path)))
            }
            let accountsInFile = Set(contribution.roles.map(\.account) + contribution.users.map(\.account)
                + contribution.groups.map(\.account) + contribution.policies.compactMap { ARN($0.arn)?.account }
                .filter { $0 != "aws" })
            for account in accountsInFile {
                builders[account, default: AccountBuilder(id: account)].files.insert(path)
                if contribution.truncated { truncatedFiles[account, default: []].append(path) }
            }
            for role in contribution.roles {
                builders[role.account, default: AccountBuilder(id: role.account)].add(role, from: path, into: &snapshot.diagnostics)
            }
            for user in contribution.users {
                builders[user.account, default: AccountBuilder(id: user.account)].add(user, into: &snapshot.diagnostics)
            }
            for group in contribution.groups {
                builders[group.account, default: AccountBuilder(id: group.account)].add(group, into: &snapshot.diagnostics)
            }
            for policy in contribution.policies {
                let owner = ARN(policy.arn)?.account ?? "aws"
                // AWS managed policies belong to every account of the file that lists them.
                let targets = owner == "aws" ? accountsInFile : [owner]
                for account in targets {
                    builders[account, default: AccountBuilder(id: account)].add(policy, into: &snapshot.diagnostics)
                }
            }
            if contribution.kind == .describeOrganization || contribution.kind == .listAccounts {
                sawOrganization = true
                organization.id = organization.id ?? contribution.organizationID
                organization.managementAccountID = organization.managementAccountID ?? contribution.managementAccountID
                for member in contribution.members where organization.members[member.id] == nil {
                    organization.members[member.id] = member
                }
            }
            snapshot.organizationPolicies += contribution.organizationPolicies
            if contribution.kind == .organizationStructure {
                sawOrganization = true
                roots.formUnion(contribution.roots)
                parents.merge(contribution.parents) { first, _ in first }
                structureOrganizationID = structureOrganizationID ?? contribution.organizationID
            }
        }
        if let organizationID = organization.id ?? structureOrganizationID, !parents.isEmpty {
            organization.id = organizationID
            organization.accountPaths = OrganizationStructureReader.paths(parents: parents, roots: roots,
                                                                          organizationID: organizationID)
        }
        for (account, paths) in truncatedFiles where builders[account]?.files.count == 1 {
            snapshot.diagnostics.append(Diagnostic(
                .warning, code: "missing-page",
                "account \(account)'s export is marked IsTruncated but no other page of it is in the snapshot; findings may be incomplete",
                at: SourceLocation(file: paths[0], jsonPath: "$.IsTruncated"),
                hint: "export all pages (the AWS CLI paginates by itself unless --max-items is given)"))
        }
        for (id, builder) in builders {
            snapshot.accounts[id] = builder.build()
            conflicts += builder.conflicts
        }
        if sawOrganization { snapshot.organization = organization }
        snapshot.diagnostics.sort()
        return snapshot
    }
}

/// Collects one account's entities across pages.
struct AccountBuilder {
    let id: String
    var partition = "aws"
    var files: Set<String> = []
    private var roles: [String: Role] = [:]
    private var users: [String: User] = [:]
    private var groups: [String: Group] = [:]
    private var policies: [String: ManagedPolicy] = [:]
    /// Entities two files hold with different content.
    private(set) var conflicts: [ExportConflict] = []

    init(id: String) { self.id = id }

    private mutating func conflict(_ entity: String, _ first: SourceLocation, _ second: SourceLocation,
                                   into diagnostics: inout [Diagnostic]) {
        let found = ExportConflict(entity: entity, firstFile: first.file, secondFile: second.file)
        conflicts.append(found)
        diagnostics.append(found.diagnostic(at: second))
    }

    mutating func add(_ role: Role, from path: String, into diagnostics: inout [Diagnostic]) {
        partition = role.partition
        guard let existing = roles[role.arn] else {
            roles[role.arn] = role
            return
        }
        let bothHavePermissions = !(existing.inlinePolicies.isEmpty && existing.attachedPolicyARNs.isEmpty)
            && !(role.inlinePolicies.isEmpty && role.attachedPolicyARNs.isEmpty)
        if existing.trustPolicy != role.trustPolicy || existing.roleID != role.roleID
            || (bothHavePermissions && (!sameContent(existing.inlinePolicies, role.inlinePolicies)
                || existing.attachedPolicyARNs != role.attachedPolicyARNs)) {
            conflict("role \(role.arn)", existing.location, role.location, into: &diagnostics)
        } else if existing.inlinePolicies.isEmpty, existing.attachedPolicyARNs.isEmpty,
                  !(role.inlinePolicies.isEmpty && role.attachedPolicyARNs.isEmpty) {
            // A role listing seen first has no permissions; the authorization details page does.
            roles[role.arn] = role
        }
    }

    mutating func add(_ user: User, into diagnostics: inout [Diagnostic]) {
        if let existing = users[user.arn] {
            if existing.userID != user.userID || !sameContent(existing.inlinePolicies, user.inlinePolicies)
                || existing.attachedPolicyARNs != user.attachedPolicyARNs {
                conflict("user \(user.arn)", existing.location, user.location, into: &diagnostics)
            }
            return
        }
        users[user.arn] = user
    }

    mutating func add(_ group: Group, into diagnostics: inout [Diagnostic]) {
        if let existing = groups[group.arn] {
            if !sameContent(existing.inlinePolicies, group.inlinePolicies) || existing.attachedPolicyARNs != group.attachedPolicyARNs {
                conflict("group \(group.arn)", existing.location, group.location, into: &diagnostics)
            }
            return
        }
        groups[group.arn] = group
    }

    mutating func add(_ policy: ManagedPolicy, into diagnostics: inout [Diagnostic]) {
        if let existing = policies[policy.arn] {
            // AWS managed policies appear in every account's export, each as of its export date: a newer version in
            // another account's file is not a second export of one account.
            if existing.defaultDocument != policy.defaultDocument, ARN(policy.arn)?.account != "aws" {
                conflict("policy \(policy.arn)", existing.location, policy.location, into: &diagnostics)
            } else if existing.defaultDocument != policy.defaultDocument {
                diagnostics.append(Diagnostic(.warning, code: "conflicting-duplicate",
                                              "policy \(policy.arn) appears twice with different default versions; using \(existing.location)",
                                              at: policy.location))
            }
            return
        }
        policies[policy.arn] = policy
    }

    func build() -> AccountData {
        AccountData(id: id, partition: partition,
                    roles: roles.values.sorted { $0.arn < $1.arn },
                    users: users.values.sorted { $0.arn < $1.arn },
                    groups: groups.values.sorted { $0.arn < $1.arn },
                    policies: policies, files: files.sorted())
    }
}

/// Inline policies compared by name and document: the same policy read from two files differs only in where it was read.
func sameContent(_ left: [InlinePolicy], _ right: [InlinePolicy]) -> Bool {
    left.map(\.name) == right.map(\.name) && left.map(\.document) == right.map(\.document)
}
