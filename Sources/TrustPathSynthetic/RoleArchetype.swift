/// One synthetic role before it is written: its name, path, trust, permissions and boundary.
struct RolePlan: Sendable {
    var name: String
    var path = "/"
    var trust: JSONText
    var permission: Permission
    var extraAttached: [String] = []
    var boundary: Bool = false
    var tags: [(String, String)] = []
}

/// The mix of roles a workload account holds, weighted (per 1,000 roles) after what real estates show:
/// mostly service roles and same-account roles, a few vendors, rare organization-wide or public trusts.
enum RoleArchetype: CaseIterable {
    case serviceLinked, passRoleService, pinnedService, unpinnedService, ownAccountRoot, memberAccountRoot
    case ownRoleARN, hubRoleARN, vendorWithExternalID, vendorWithoutExternalID, vendorWeakExternalID, partner
    case githubPinned, githubOpen, operatorRole, organizationWide

    /// Per 1,000 roles, for the estate's profile.
    func weight(_ profile: OrganizationShape.Profile) -> Int {
        switch profile {
        case .sparse: sparseWeight
        case .hub: hubWeight
        case .denseAccount: denseWeight
        }
    }

    private var hubWeight: Int {
        switch self {
        case .serviceLinked: 100
        case .passRoleService: 300
        case .pinnedService: 50
        case .unpinnedService: 20
        case .ownAccountRoot: 190
        case .memberAccountRoot: 50
        case .ownRoleARN: 60
        case .hubRoleARN: 40
        case .vendorWithExternalID: 50
        case .vendorWithoutExternalID: 10
        case .vendorWeakExternalID: 5
        case .partner: 15
        case .githubPinned: 60
        case .githubOpen: 10
        case .operatorRole: 20
        case .organizationWide: 20
        }
    }

    private var denseWeight: Int {
        switch self {
        case .ownAccountRoot: 820
        case .operatorRole: 60
        case .passRoleService: 60
        case .serviceLinked: 30
        case .vendorWithExternalID: 20
        case .vendorWithoutExternalID, .partner, .githubOpen: 3
        case .githubPinned: 1
        default: 0
        }
    }

    private var sparseWeight: Int {
        switch self {
        case .serviceLinked: 100
        case .passRoleService: 330
        case .pinnedService: 60
        case .unpinnedService: 20
        case .ownAccountRoot: 160
        case .memberAccountRoot: 50
        case .ownRoleARN: 90
        case .hubRoleARN: 40
        case .vendorWithExternalID: 45
        case .vendorWithoutExternalID: 3
        case .vendorWeakExternalID: 2
        case .partner: 3
        case .githubPinned: 80
        case .githubOpen: 7
        case .operatorRole: 10
        case .organizationWide: 0
        }
    }

    static let passRoleServices = ["lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com",
                                   "states.amazonaws.com", "codebuild.amazonaws.com"]
    static let sourceServices = ["events.amazonaws.com", "sns.amazonaws.com", "config.amazonaws.com",
                                 "s3.amazonaws.com", "cloudtrail.amazonaws.com", "delivery.logs.amazonaws.com"]
    static let linkedServices = ["elasticloadbalancing", "autoscaling", "rds", "ecs", "organizations", "sso",
                                 "trustedadvisor", "support", "guardduty", "securityhub"]

    /// The role this archetype makes at `serial` in the account.
    func plan(serial: Int, account: AccountContext, random: inout SplitMix64) -> RolePlan {
        let id = account.id
        let suffix = String(serial).padded(4)
        switch self {
        case .serviceLinked:
            let service = Self.linkedServices[serial % Self.linkedServices.count]
            return RolePlan(name: "AWSServiceRoleFor\(service.capitalized)\(suffix)", path: "/aws-service-role/\(service).amazonaws.com/",
                            trust: TrustPolicies.service("\(service).amazonaws.com", pinnedTo: nil), permission: .none,
                            extraAttached: [AWSManagedPolicies.serviceLinked])
        case .passRoleService:
            let service = Self.passRoleServices[Int.random(in: 0..<Self.passRoleServices.count, using: &random)]
            let permission = random.weighted([(30, Permission.logsOnly), (25, .s3Read), (20, .s3Write), (15, .readOnly), (10, .none)])
            return RolePlan(name: "app-\(service.split(separator: ".")[0])-\(suffix)", path: "/service-role/",
                            trust: TrustPolicies.service(service, pinnedTo: nil), permission: permission,
                            boundary: random.chance(250), tags: [("team", "team-\(serial % 7)")])
        case .pinnedService, .unpinnedService:
            let service = Self.sourceServices[Int.random(in: 0..<Self.sourceServices.count, using: &random)]
            return RolePlan(name: "delivery-\(service.split(separator: ".")[0])-\(suffix)", path: "/service-role/",
                            trust: TrustPolicies.service(service, pinnedTo: self == .pinnedService ? id : nil),
                            permission: random.weighted([(60, Permission.s3Write), (30, .logsOnly), (10, .readOnly)]))
        case .ownAccountRoot:
            let permission = account.shape.profile == .denseAccount
                ? random.weighted([(70, Permission.assumeAnything), (15, .s3Write), (10, .readOnly), (5, .iamEscalation)])
                : random.weighted([(30, Permission.s3Read), (25, .s3Write), (20, .readOnly), (10, .powerUser),
                                   (10, .none), (5, .assumeOwnAccount)])
            return RolePlan(name: "app-\(suffix)", trust: TrustPolicies.accountRoot(id), permission: permission,
                            boundary: random.chance(150))
        case .memberAccountRoot:
            let trusted = random.chance(500) ? account.shape.hubAccount : account.shape.managementAccount
            return RolePlan(name: "audit-\(suffix)", trust: TrustPolicies.accountRoot(trusted),
                            permission: random.weighted([(70, Permission.readOnly), (30, .s3Read)]))
        case .ownRoleARN:
            let other = Int.random(in: 0..<max(1, account.shape.rolesPerAccount), using: &random)
            return RolePlan(name: "app-chained-\(suffix)",
                            trust: TrustPolicies.roleARNs(["arn:aws:iam::\(id):role/app-\(String(other).padded(4))"]),
                            permission: random.weighted([(50, Permission.s3Write), (40, .s3Read), (10, .iamEscalation)]))
        case .hubRoleARN:
            return RolePlan(name: "hub-access-\(suffix)",
                            trust: TrustPolicies.roleARNs(["arn:aws:iam::\(account.shape.hubAccount):role/deployer-\(serial % 4)"]),
                            permission: random.weighted([(60, Permission.readOnly), (40, .s3Write)]))
        case .vendorWithExternalID, .vendorWithoutExternalID, .vendorWeakExternalID:
            let vendor = OutsideAccounts.vendors[Int.random(in: 0..<OutsideAccounts.vendors.count, using: &random)]
            let form: TrustPolicies.ExternalIDForm = self == .vendorWithExternalID
                ? .fixed("ext-\(id)-\(String(random.next() % 1_000_000, radix: 36))")
                : self == .vendorWeakExternalID ? .wildcard : .none
            return RolePlan(name: "vendor-\(vendor.suffix(4))-\(suffix)", trust: TrustPolicies.outsideAccount(vendor, externalID: form),
                            permission: random.weighted([(70, Permission.readOnly), (20, .s3Read), (10, .s3Write)]))
        case .partner:
            let partner = OutsideAccounts.partners[Int.random(in: 0..<OutsideAccounts.partners.count, using: &random)]
            return RolePlan(name: "partner-share-\(suffix)", trust: TrustPolicies.outsideAccount(partner, externalID: .none),
                            permission: random.weighted([(60, Permission.s3Read), (30, .s3Write), (10, .assumeOwnAccount)]))
        case .githubPinned, .githubOpen:
            let repository = self == .githubPinned ? "synthetic-org/service-\(serial % 50)" : nil
            return RolePlan(name: "ci-\(suffix)", trust: TrustPolicies.githubActions(account: id, repository: repository),
                            permission: random.weighted([(50, Permission.s3Write), (30, .powerUser), (20, .assumeOwnAccount)]))
        case .operatorRole:
            // In a hub estate the operators are the hubs: any role anywhere.
            let permission = account.shape.profile == .hub ? Permission.assumeAnything
                : random.weighted([(60, Permission.administrator), (40, .assumeAnything)])
            return RolePlan(name: "operator-\(suffix)", trust: TrustPolicies.accountRoot(id), permission: permission,
                            boundary: account.shape.profile == .hub ? false : random.chance(300))
        case .organizationWide:
            return RolePlan(name: "org-wide-\(suffix)", trust: TrustPolicies.organizationWide(account.shape.organizationID),
                            permission: random.weighted([(50, Permission.readOnly), (30, .s3Write), (20, .assumeAnything)]))
        }
    }

    static func random(_ random: inout SplitMix64, account: AccountContext) -> RoleArchetype {
        let profile = account.shape.profile
        // In a hub estate, GitHub providers are in half the accounts.
        let githubHere = profile != .hub || account.index % 2 == 0
        return random.weighted(allCases.compactMap { archetype in
            let weight = archetype.weight(profile)
            guard weight > 0, githubHere || (archetype != .githubOpen && archetype != .githubPinned) else { return nil }
            return (weight, archetype)
        })
    }
}

/// What a role's plan may depend on: the account and the organization's shape.
struct AccountContext: Sendable {
    var index: Int
    var shape: OrganizationShape
    var id: String { shape.accountID(index) }
}
