/// An account's IAM users and the groups they belong to.
enum UsersAndGroups {
    static let groups: [(name: String, permission: Permission)] = [
        ("Administrators", .administrator), ("Developers", .powerUser), ("Auditors", .readOnly), ("Operators", .assumeAnything),
    ]

    static func make(account: AccountContext, random: inout SplitMix64) -> (users: [JSONText], groups: [JSONText]) {
        let id = account.id
        var users: [JSONText] = []
        for serial in 0..<account.shape.usersPerAccount {
            let name = "user-\(String(serial).padded(4))"
            let group = groups[random.weighted([(5, 0), (50, 1), (30, 2), (15, 3)])]
            let permission = account.shape.profile == .denseAccount
                ? random.weighted([(80, Permission.assumeAnything), (20, .none)])
                : random.weighted([(70, Permission.none), (15, .s3Write), (10, .assumeOwnAccount), (5, .assumeAnything)])
            var members: [(String, JSONText)] = [
                ("Path", .string("/")), ("UserName", .string(name)), ("UserId", .string(UniqueID.make("AIDA", random: &random))),
                ("Arn", .string("arn:aws:iam::\(id):user/\(name)")),
                ("CreateDate", .string(AWSManagedPolicies.date(Int(random.next() % 90)))),
                ("UserPolicyList", .array(permission.inline(account: id).map {
                    .object([("PolicyName", .string($0.0)), ("PolicyDocument", $0.1)])
                })),
                ("GroupList", .strings([group.name])), ("AttachedManagedPolicies", .array([])),
            ]
            if random.chance(200) {
                members.append(("PermissionsBoundary", .object([
                    ("PermissionsBoundaryType", .string("Policy")),
                    ("PermissionsBoundaryArn", .string(CustomerPolicies.boundaryARN(id))),
                ])))
            }
            members.append(("Tags", .array([])))
            users.append(.object(members))
        }
        let groupJSON: [JSONText] = groups.map { group in
            .object([
                ("Path", .string("/")), ("GroupName", .string(group.name)), ("GroupId", .string(UniqueID.make("AGPA", random: &random))),
                ("Arn", .string("arn:aws:iam::\(id):group/\(group.name)")),
                ("CreateDate", .string(AWSManagedPolicies.date(3))),
                ("GroupPolicyList", .array(group.permission.inline(account: id).map {
                    .object([("PolicyName", .string($0.0)), ("PolicyDocument", $0.1)])
                })),
                ("AttachedManagedPolicies", .array(group.permission.attached.map {
                    .object([("PolicyName", .string(String($0.split(separator: "/").last ?? ""))), ("PolicyArn", .string($0))])
                })),
            ])
        }
        return (users, groupJSON)
    }
}
