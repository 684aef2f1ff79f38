/// What a synthetic principal may do: from nothing to `sts:AssumeRole` on `*`.
enum Permission: CaseIterable, Sendable {
    case none
    case logsOnly
    case readOnly
    case s3Read
    case s3Write
    /// `sts:AssumeRole` on the deploy roles of every account: the shared-services pattern.
    case assumeDeployRoles
    /// `sts:AssumeRole` on roles of its own account.
    case assumeOwnAccount
    case assumeAnything
    case powerUser
    case iamEscalation
    case administrator

    /// Inline policy documents (name, document).
    func inline(account: String, partition: String = "aws") -> [(String, JSONText)] {
        switch self {
        case .none, .readOnly, .s3Read, .powerUser, .administrator, .logsOnly: return []
        case .s3Write:
            return [("s3-write", AWSManagedPolicies.policy([
                AWSManagedPolicies.statement(actions: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
                                             resources: ["arn:\(partition):s3:::data-\(account)/*"], sid: "Objects"),
                AWSManagedPolicies.statement(actions: ["s3:ListBucket"], resources: ["arn:\(partition):s3:::data-\(account)"]),
            ]))]
        case .assumeDeployRoles:
            return [("assume-deploy", AWSManagedPolicies.policy([
                AWSManagedPolicies.statement(actions: ["sts:AssumeRole", "sts:TagSession"],
                                             resources: ["arn:\(partition):iam::*:role/deploy-target"]),
            ]))]
        case .assumeOwnAccount:
            return [("assume-local", AWSManagedPolicies.policy([
                AWSManagedPolicies.statement(actions: ["sts:AssumeRole"], resources: ["arn:\(partition):iam::\(account):role/app-*"]),
            ]))]
        case .assumeAnything:
            return [("assume-any", AWSManagedPolicies.policy([AWSManagedPolicies.statement(actions: ["sts:AssumeRole"])]))]
        case .iamEscalation:
            return [("iam-maintenance", AWSManagedPolicies.policy([
                AWSManagedPolicies.statement(actions: ["iam:PassRole", "iam:CreateAccessKey", "iam:AttachRolePolicy",
                                                       "iam:PutRolePolicy"]),
            ]))]
        }
    }

    var attached: [String] {
        switch self {
        case .none, .s3Write, .assumeDeployRoles, .assumeOwnAccount, .assumeAnything, .iamEscalation: []
        case .logsOnly: [AWSManagedPolicies.lambdaBasic]
        case .readOnly: [AWSManagedPolicies.readOnly]
        case .s3Read: [AWSManagedPolicies.s3ReadOnly]
        case .powerUser: [AWSManagedPolicies.powerUser]
        case .administrator: [AWSManagedPolicies.administrator]
        }
    }
}

/// Customer managed policies every synthetic account defines.
enum CustomerPolicies {
    static func boundaryARN(_ account: String) -> String { "arn:aws:iam::\(account):policy/DeveloperBoundary" }
    static func deployARN(_ account: String) -> String { "arn:aws:iam::\(account):policy/DeployAccess" }

    /// A boundary that keeps developers' roles away from IAM and role assumption.
    static let boundary = AWSManagedPolicies.policy([
        .object([("Sid", .string("Workloads")), ("Effect", .string("Allow")),
                 ("Action", .strings(["s3:*", "dynamodb:*", "logs:*", "sqs:*", "sns:*", "lambda:*", "cloudwatch:*"])),
                 ("Resource", .string("*"))]),
        .object([("Sid", .string("NoIAM")), ("Effect", .string("Deny")), ("Action", .strings(["iam:*", "sts:AssumeRole"])),
                 ("Resource", .string("*"))]),
    ])

    static let deploy = AWSManagedPolicies.policy([
        AWSManagedPolicies.statement(actions: ["cloudformation:*", "s3:*", "lambda:*", "ecs:*", "ecr:*", "logs:*"]),
        AWSManagedPolicies.statement(actions: ["iam:PassRole"], resources: ["arn:aws:iam::*:role/app-*"]),
    ])

    /// The `Policies` entry of a customer managed policy with a few versions kept.
    static func entry(arn: String, document: JSONText, versions: Int) -> JSONText {
        let name = String(arn.split(separator: "/").last ?? "")
        let list: [JSONText] = stride(from: versions, through: 1, by: -1).map { version in
            .object([("Document", document), ("VersionId", .string("v\(version)")),
                     ("IsDefaultVersion", .bool(version == versions)), ("CreateDate", .string(AWSManagedPolicies.date(version)))])
        }
        return .object([
            ("PolicyName", .string(name)), ("PolicyId", .string("ANPA\(name.uppercased())")), ("Arn", .string(arn)),
            ("Path", .string("/")), ("DefaultVersionId", .string("v\(versions)")), ("AttachmentCount", .number(1)),
            ("PermissionsBoundaryUsageCount", .number(0)), ("IsAttachable", .bool(true)),
            ("CreateDate", .string(AWSManagedPolicies.date(1))), ("UpdateDate", .string(AWSManagedPolicies.date(versions))),
            ("PolicyVersionList", .array(list)),
        ])
    }
}
