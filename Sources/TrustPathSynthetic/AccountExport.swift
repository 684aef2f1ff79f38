/// One account's `get-account-authorization-details` export, as one file or as two pages.
struct AccountExport {
    let account: AccountContext
    let partition = "aws"

    /// The files of this account: a name and its bytes.
    func files() -> [(name: String, bytes: [UInt8])] {
        var random = SplitMix64(seed: account.shape.seed, stream: UInt64(account.index) &+ 1)
        let roles = rolePlans(&random).map { roleJSON($0, random: &random) }
        let (users, groups) = UsersAndGroups.make(account: account, random: &random)
        let policies = managedPolicies(&random)
        let base = "gaad-\(account.id)-\(account.shape.accountName(account.index))"
        // Every seventh account is exported in two pages, as `--max-items` leaves it.
        guard account.index % 7 == 6, roles.count > 1 else {
            return [(base + ".json", page(users: users, groups: groups, roles: roles, policies: policies, truncated: false))]
        }
        let half = roles.count / 2
        return [
            (base + "-page1.json", page(users: users, groups: groups, roles: Array(roles[..<half]), policies: [], truncated: true)),
            (base + "-page2.json", page(users: [], groups: [], roles: Array(roles[half...]), policies: policies, truncated: false)),
        ]
    }

    private func rolePlans(_ random: inout SplitMix64) -> [RolePlan] {
        var plans = FixedRoles.plans(for: account)
        var serial = 0
        while plans.count < account.shape.rolesPerAccount {
            plans.append(RoleArchetype.random(&random, account: account).plan(serial: serial, account: account, random: &random))
            serial += 1
        }
        return plans
    }

    private func page(users: [JSONText], groups: [JSONText], roles: [JSONText], policies: [JSONText], truncated: Bool) -> [UInt8] {
        var members: [(String, JSONText)] = [
            ("UserDetailList", .array(users)), ("GroupDetailList", .array(groups)), ("RoleDetailList", .array(roles)),
            ("Policies", .array(policies)), ("IsTruncated", .bool(truncated)),
        ]
        if truncated { members.append(("Marker", .string("AAE\(account.id)page2"))) }
        var writer = JSONTextWriter(capacity: 1 << 20)
        writer.write(.object(members))
        return writer.bytes
    }

    private func roleJSON(_ plan: RolePlan, random: inout SplitMix64) -> JSONText {
        let arn = "arn:\(partition):iam::\(account.id):role\(plan.path)\(plan.name)"
        let inline = plan.permission.inline(account: account.id, partition: partition).map { name, document in
            JSONText.object([("PolicyName", .string(name)), ("PolicyDocument", document)])
        }
        let attached = (plan.permission.attached + plan.extraAttached).map { policyARN in
            JSONText.object([("PolicyName", .string(String(policyARN.split(separator: "/").last ?? ""))),
                             ("PolicyArn", .string(policyARN))])
        }
        var members: [(String, JSONText)] = [
            ("Path", .string(plan.path)), ("RoleName", .string(plan.name)),
            ("RoleId", .string(UniqueID.make("AROA", random: &random))), ("Arn", .string(arn)),
            ("CreateDate", .string(AWSManagedPolicies.date(Int(random.next() % 90)))),
            ("AssumeRolePolicyDocument", plan.trust), ("InstanceProfileList", .array([])),
            ("RolePolicyList", .array(inline)), ("AttachedManagedPolicies", .array(attached)),
        ]
        if plan.boundary {
            members.append(("PermissionsBoundary", .object([
                ("PermissionsBoundaryType", .string("Policy")),
                ("PermissionsBoundaryArn", .string(CustomerPolicies.boundaryARN(account.id))),
            ])))
        }
        members.append(("Tags", .array(plan.tags.map { .object([("Key", .string($0.0)), ("Value", .string($0.1))]) })))
        members.append(("RoleLastUsed", .object([("LastUsedDate", .string(AWSManagedPolicies.date(95))),
                                                  ("Region", .string("us-east-1"))])))
        return .object(members)
    }

    private func managedPolicies(_ random: inout SplitMix64) -> [JSONText] {
        let customer = [
            CustomerPolicies.entry(arn: CustomerPolicies.boundaryARN(account.id), document: CustomerPolicies.boundary, versions: 2),
            CustomerPolicies.entry(arn: CustomerPolicies.deployARN(account.id), document: CustomerPolicies.deploy, versions: 3),
        ]
        let aws = AWSManagedPolicies.catalogue(maximumVersions: account.shape.managedPolicyVersions).map {
            AWSManagedPolicies.entry($0, attachments: 1 + Int(random.next() % 20), random: &random)
        }
        return customer + aws
    }
}

/// IAM unique ids (`AROA…`, `AIDA…`): 21 characters, deterministic from the generator.
enum UniqueID {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func make(_ prefix: String, random: inout SplitMix64) -> String {
        var value = random.next()
        var text = prefix
        for _ in 0..<(21 - prefix.count) {
            text.append(alphabet[Int(value % 32)])
            value = value / 32 == 0 ? random.next() : value / 32
        }
        return text
    }
}
