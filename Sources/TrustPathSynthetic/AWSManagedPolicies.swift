/// AWS managed policies as `get-account-authorization-details` exports them: every version kept, the
/// default one somewhere in the list. Old versions are most of an export's bytes and none of its meaning.
enum AWSManagedPolicies {
    static let administrator = "arn:aws:iam::aws:policy/AdministratorAccess"
    static let readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    static let powerUser = "arn:aws:iam::aws:policy/PowerUserAccess"
    static let s3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
    static let lambdaBasic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    static let ecrReadOnly = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"
    static let configRole = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole"
    static let serviceLinked = "arn:aws:iam::aws:policy/aws-service-role/ElasticLoadBalancingServiceRolePolicy"

    /// Service prefixes the read-only policies grow over: each new version covers a few more.
    static let services = [
        "access-analyzer", "acm", "apigateway", "application-autoscaling", "appsync", "athena", "autoscaling",
        "backup", "batch", "budgets", "cloudformation", "cloudfront", "cloudhsm", "cloudtrail", "cloudwatch",
        "codebuild", "codecommit", "codedeploy", "codepipeline", "cognito-identity", "cognito-idp", "config",
        "datasync", "dax", "devicefarm", "directconnect", "dms", "ds", "dynamodb", "ec2", "ecr", "ecs", "eks",
        "elasticache", "elasticbeanstalk", "elasticfilesystem", "elasticloadbalancing", "elasticmapreduce", "es",
        "events", "firehose", "fsx", "glacier", "glue", "guardduty", "iam", "inspector", "iot", "kafka", "kinesis",
        "kms", "lambda", "lightsail", "logs", "macie2", "mq", "organizations", "rds", "redshift", "route53",
        "s3", "sagemaker", "secretsmanager", "securityhub", "ses", "shield", "sns", "sqs", "ssm", "states",
        "storagegateway", "sts", "support", "swf", "tag", "transfer", "waf", "wafv2", "workspaces", "xray",
    ]

    struct Catalogued {
        var arn: String
        var versions: Int
        /// The default version's document as JSON.
        var document: (_ version: Int) -> JSONText
    }

    /// The AWS managed policies an account attaches, with how many versions each has had.
    static func catalogue(maximumVersions: Int) -> [Catalogued] {
        [
            Catalogued(arn: administrator, versions: 1) { _ in
                policy([statement(actions: ["*"])])
            },
            Catalogued(arn: readOnly, versions: maximumVersions) { version in
                policy([statement(actions: readActions(services.count * version / maximumVersions), sid: nil)])
            },
            Catalogued(arn: powerUser, versions: max(1, maximumVersions / 8)) { _ in
                policy([
                    .object([("Effect", .string("Allow")), ("NotAction", .strings(["iam:*", "organizations:*", "account:*"])),
                             ("Resource", .string("*"))]),
                    statement(actions: ["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
                                        "organizations:DescribeOrganization", "account:ListRegions"]),
                ])
            },
            Catalogued(arn: s3ReadOnly, versions: max(1, maximumVersions / 10)) { _ in
                policy([statement(actions: ["s3:Get*", "s3:List*", "s3-object-lambda:Get*", "s3-object-lambda:List*"])])
            },
            Catalogued(arn: lambdaBasic, versions: 1) { _ in
                policy([statement(actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"])])
            },
            Catalogued(arn: ecrReadOnly, versions: max(1, maximumVersions / 6)) { _ in
                policy([statement(actions: ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
                                            "ecr:GetDownloadUrlForLayer", "ecr:GetRepositoryPolicy", "ecr:DescribeRepositories",
                                            "ecr:ListImages", "ecr:DescribeImages", "ecr:BatchGetImage"])])
            },
            Catalogued(arn: configRole, versions: max(1, maximumVersions / 2)) { version in
                policy([statement(actions: readActions(max(4, services.count * version / maximumVersions / 2)))])
            },
            Catalogued(arn: serviceLinked, versions: max(1, maximumVersions / 5)) { _ in
                policy([statement(actions: ["ec2:DescribeAddresses", "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces",
                                            "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
                                            "ec2:ModifyNetworkInterfaceAttribute"])])
            },
        ]
    }

    /// `Get*`/`List*`/`Describe*` on the first `count` services, plus a few named actions each.
    static func readActions(_ count: Int) -> [String] {
        services.prefix(max(1, count)).flatMap { service in
            ["\(service):Describe*", "\(service):Get*", "\(service):List*", "\(service):BatchGet*",
             "\(service):Search*", "\(service):View*"]
        }
    }

    /// The `Policies` entry for one AWS managed policy: every version, the last one the default.
    static func entry(_ policy: Catalogued, attachments: Int, random: inout SplitMix64) -> JSONText {
        let name = String(policy.arn.split(separator: "/").last ?? "")
        var versions: [JSONText] = []
        for version in stride(from: policy.versions, through: 1, by: -1) {
            versions.append(.object([
                ("Document", policy.document(version)),
                ("VersionId", .string("v\(version)")),
                ("IsDefaultVersion", .bool(version == policy.versions)),
                ("CreateDate", .string(date(version))),
            ]))
        }
        // Real exports usually list the default first; some tools write oldest first.
        if random.chance(200) { versions.reverse() }
        let path = policy.arn.contains("/service-role/") ? "/service-role/"
            : policy.arn.contains("/aws-service-role/") ? "/aws-service-role/" : "/"
        return .object([
            ("PolicyName", .string(name)), ("PolicyId", .string("ANPA" + name.uppercased().prefix(17))),
            ("Arn", .string(policy.arn)), ("Path", .string(path)), ("DefaultVersionId", .string("v\(policy.versions)")),
            ("AttachmentCount", .number(attachments)), ("PermissionsBoundaryUsageCount", .number(0)),
            ("IsAttachable", .bool(true)), ("CreateDate", .string(date(1))), ("UpdateDate", .string(date(policy.versions))),
            ("PolicyVersionList", .array(versions)),
        ])
    }

    static func date(_ version: Int) -> String {
        let month = version % 12 + 1
        return "20\(15 + version / 12)-\(String(month).padded(2))-0\(version % 9 + 1)T10:00:00+00:00"
    }

    static func policy(_ statements: [JSONText]) -> JSONText {
        .object([("Version", .string("2012-10-17")), ("Statement", .array(statements))])
    }

    static func statement(actions: [String], resources: [String] = ["*"], sid: String? = nil) -> JSONText {
        var members: [(String, JSONText)] = sid.map { [("Sid", .string($0))] } ?? []
        members += [("Effect", .string("Allow")), ("Action", .oneOrMany(actions)), ("Resource", .oneOrMany(resources))]
        return .object(members)
    }
}
