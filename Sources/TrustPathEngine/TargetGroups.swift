import TrustPathModel

/// Roles that any caller's hop treats alike: the same account, partition and kind (service-linked, editable by hand), the same trust document, and the
/// same values of the resource tags some policy of the snapshot asks about. A caller's request to one of them differs
/// from its request to another only by the role's ARN, so a hop is judged once per group (and once more per subgroup
/// where a caller's policies name role ARNs, see `ResourceScope`). An account where most roles trust the account root
/// holds one large group: judging its hops costs callers × groups, not callers × roles.
public struct TargetGroups: Sendable {
    /// The group of each role, by ARN.
    public let groupOf: [String: Int]
    /// Each group's roles, sorted by ARN.
    public let members: [[String]]

    private struct Key: Hashable {
        var account: String
        var partition: String
        var serviceLinked: Bool
        /// Not a hop's concern, but a fix's: a group's statements are all editable or none are.
        var handEditable: Bool
        var trust: PolicyDocument?
        /// Only the tags some condition reads: tags nothing asks about do not split a group.
        var tags: [String: String]
    }

    init(roles: [Role], snapshot: Snapshot) {
        let askedTags = Self.resourceTagKeysAskedAbout(in: snapshot)
        // A key built from a policy variable (`aws:ResourceTag/${aws:PrincipalTag/team}`) may read any tag.
        let everyTag = askedTags.contains { $0.contains("$") }
        var groupByKey: [Key: Int] = [:]
        var groupOf: [String: Int] = [:]
        var members: [[String]] = []
        for role in roles.sorted(by: { $0.arn < $1.arn }) {
            let tags = everyTag ? role.tags : askedTags.isEmpty ? [:] : role.tags.filter { askedTags.contains($0.key.lowercased()) }
            let key = Key(account: role.account, partition: role.partition, serviceLinked: role.isServiceLinked,
                          handEditable: role.trustIsHandEditable, trust: role.trustPolicy, tags: tags)
            let group = groupByKey[key] ?? {
                groupByKey[key] = members.count
                members.append([])
                return members.count - 1
            }()
            members[group].append(role.arn)
            groupOf[role.arn] = group
        }
        self.groupOf = groupOf
        self.members = members
    }

    /// Lowercased tag keys that conditions of the snapshot's policies read as `aws:ResourceTag/…` or
    /// `iam:ResourceTag/…`; the evaluator gives a target's tags under those keys only.
    static func resourceTagKeysAskedAbout(in snapshot: Snapshot) -> Set<String> {
        var keys: Set<String> = []
        func scan(_ document: PolicyDocument?) {
            for statement in document?.statements ?? [] {
                for clause in statement.conditions {
                    let key = clause.normalizedKey
                    for prefix in ["aws:resourcetag/", "iam:resourcetag/"] where key.hasPrefix(prefix) {
                        keys.insert(String(key.dropFirst(prefix.count)))
                    }
                }
            }
        }
        for account in snapshot.accounts.values {
            for role in account.roles {
                scan(role.trustPolicy)
                for inline in role.inlinePolicies { scan(inline.document) }
            }
            for policy in account.policies.values { scan(policy.defaultDocument) }
        }
        for policy in snapshot.organizationPolicies { scan(policy.document) }
        return keys
    }
}
