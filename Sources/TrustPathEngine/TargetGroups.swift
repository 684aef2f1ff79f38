import TrustPathModel

/// Roles that any caller's hop treats alike: the same partition and kind (service-linked, editable by hand), the same
/// trust document, the same RCPs, and the same values of the resource tags some policy of the snapshot asks about.
/// Roles of different accounts share a group unless some condition reads `aws:ResourceAccount`, `aws:ResourceOrgID` or
/// `aws:ResourceOrgPaths`; the one other way the account matters (a caller of the same account needs no identity
/// permission when the trust names it) splits a group per caller account (`HopBundler`). A caller's request to one
/// role of a group differs from its request to another only by the role's ARN, so a hop is judged once per group (and
/// once more per subgroup where a caller's policies name role ARNs). An organization whose roles mostly trust their
/// account root, or `*` within the organization, holds a few large groups: judging hops costs callers × groups, not
/// callers × roles.
public struct TargetGroups: Sendable {
    /// The group of each role, by number.
    public let groupOfNumber: [Int]
    /// Each group's roles, sorted by ARN.
    public let members: [[String]]
    /// Each group's role numbers, ascending: the numbers of `members`, in their order.
    public let memberNumbers: [[Int]]
    /// Every role's account, by number.
    public let accountOfNumber: [String]
    /// Every role's ARN, sorted: a role's position here is its number, which walks use instead of its ARN.
    public let roleARNs: [String]
    /// Each role's number, by ARN.
    public let roleNumbers: [String: Int]
    /// Whether a group holds roles of more than one account.
    public let spansAccounts: [Bool]
    /// The members of each group that spans accounts, by account.
    private let membersByAccount: [Int: [String: [String]]]
    /// The account of each group that does not span accounts.
    private let soleAccount: [String?]

    private struct Key: Hashable, Sendable {
        /// The account when some condition reads the resource's account or organization; else the RCPs that apply.
        var scope: String
        var partition: String
        var serviceLinked: Bool
        /// Not a hop's concern, but a fix's: a group's statements are all editable or none are.
        var handEditable: Bool
        var trust: PolicyDocument?
        /// Only the tags some condition reads: tags nothing asks about do not split a group.
        var tags: [String: String]
    }

    /// Groups `sortedRoles` (sorted by ARN).
    init(sortedRoles sorted: [Role], snapshot: Snapshot) {
        let asked = Self.resourceKeysAskedAbout(in: snapshot)
        let askedTags = asked.tags
        // A key built from a policy variable (`aws:ResourceTag/${aws:PrincipalTag/team}`) may read any tag.
        let everyTag = askedTags.contains { $0.contains("$") }
        var scopes: [String: String] = [:]
        for account in Set(sorted.map(\.account)) {
            let rcps = SnapshotIndex.organizationPolicies(.resourceControl, for: account, in: snapshot).map(\.id).sorted()
            scopes[account] = asked.account ? account : "RCPs " + rcps.joined(separator: " ")
        }
        // Hashing a hundred thousand trust documents is the costly part: done on every core, once per role.
        let keys = orderedConcurrentMap(sorted.count, threshold: 1_024) { [scopes] position -> Prehashed<Key> in
            let role = sorted[position]
            let tags = everyTag ? role.tags : askedTags.isEmpty ? [:] : role.tags.filter { askedTags.contains($0.key.lowercased()) }
            return Prehashed(Key(scope: scopes[role.account] ?? role.account, partition: role.partition,
                                 serviceLinked: role.isServiceLinked, handEditable: role.trustIsHandEditable,
                                 trust: role.trustPolicy, tags: tags))
        }
        var groupByKey: [Prehashed<Key>: Int] = [:]
        var groupOfNumber: [Int] = []
        groupOfNumber.reserveCapacity(sorted.count)
        var memberNumbers: [[Int]] = []
        for key in keys {
            let group = groupByKey[key] ?? {
                groupByKey[key] = memberNumbers.count
                memberNumbers.append([])
                return memberNumbers.count - 1
            }()
            memberNumbers[group].append(groupOfNumber.count)
            groupOfNumber.append(group)
        }
        let arns = sorted.map(\.arn)
        let accounts = sorted.map(\.account)
        self.groupOfNumber = groupOfNumber
        members = memberNumbers.map { $0.map { arns[$0] } }
        self.memberNumbers = memberNumbers
        accountOfNumber = accounts
        roleARNs = arns
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(arns.count)
        for (number, arn) in arns.enumerated() { numbers[arn] = number }
        roleNumbers = numbers
        let spans = memberNumbers.map { numbers in numbers.contains { accounts[$0] != accounts[numbers[0]] } }
        spansAccounts = spans
        soleAccount = zip(memberNumbers, spans).map { numbers, spans in spans ? nil : numbers.first.map { accounts[$0] } }
        var byAccount: [Int: [String: [String]]] = [:]
        for group in memberNumbers.indices where spans[group] {
            byAccount[group] = Dictionary(grouping: memberNumbers[group], by: { accounts[$0] }).mapValues { $0.map { arns[$0] } }
        }
        membersByAccount = byAccount
    }

    /// The group of a role, by ARN.
    public func group(of arn: String) -> Int? { roleNumbers[arn].map { groupOfNumber[$0] } }

    /// The members of `group` in `account`, sorted by ARN.
    public func members(of group: Int, in account: String) -> [String] {
        guard spansAccounts[group] else { return soleAccount[group] == account ? members[group] : [] }
        return membersByAccount[group]?[account] ?? []
    }

    /// Lowercased tag keys that conditions of the snapshot's policies read as `aws:ResourceTag/…` or
    /// `iam:ResourceTag/…` (the evaluator gives a target's tags under those keys only), and whether any condition
    /// reads the resource's account, organization or organization path.
    static func resourceKeysAskedAbout(in snapshot: Snapshot) -> (tags: Set<String>, account: Bool) {
        let accounts = Array(snapshot.accounts.values)
        let perAccount = orderedConcurrentMap(accounts.count, threshold: 16) { position in
            var asked = Asked()
            for role in accounts[position].roles {
                asked.scan(role.trustPolicy)
                for inline in role.inlinePolicies { asked.scan(inline.document) }
            }
            for policy in accounts[position].policies.values { asked.scan(policy.defaultDocument) }
            return asked
        }
        var asked = Asked()
        for policy in snapshot.organizationPolicies { asked.scan(policy.document) }
        for part in perAccount {
            asked.tags.formUnion(part.tags)
            asked.account = asked.account || part.account
        }
        return (asked.tags, asked.account)
    }

    /// What the conditions scanned so far read of the resource.
    private struct Asked: Sendable {
        var tags: Set<String> = []
        var account = false

        mutating func scan(_ document: PolicyDocument?) {
            for statement in document?.statements ?? [] {
                for clause in statement.conditions {
                    let key = clause.normalizedKey
                    for prefix in ["aws:resourcetag/", "iam:resourcetag/"] where key.hasPrefix(prefix) {
                        tags.insert(String(key.dropFirst(prefix.count)))
                    }
                    if ["aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths"].contains(key) { account = true }
                    // A value may read the resource too (`${aws:ResourceAccount}`): then every tag and the account count.
                    if clause.values.contains(where: { $0.lowercased().containsText(":resource") && $0.containsText("${") }) {
                        account = true
                        tags.insert("$")
                    }
                }
            }
        }
    }
}
