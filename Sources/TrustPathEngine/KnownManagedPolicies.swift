import TrustPathModel

/// Default documents of a few AWS managed policies, for exports that attach them without listing them.
/// Only the shape that matters to the analysis is kept (what they allow, roughly).
enum KnownManagedPolicies {
    static func document(for arn: String) -> PolicyDocument? {
        guard let name = arn.split(separator: "/").last, arn.contains(":iam::aws:policy/") else { return nil }
        switch name {
        case "AdministratorAccess":
            return PolicyDocument(statements: [Statement(effect: .allow, action: MatchList(["*"]), resource: MatchList(["*"]))])
        case "PowerUserAccess":
            return PolicyDocument(statements: [
                Statement(index: 0, effect: .allow, action: MatchList(["iam:*", "organizations:*", "account:*"], negated: true),
                          resource: MatchList(["*"])),
                Statement(index: 1, effect: .allow,
                          action: MatchList(["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
                                             "organizations:DescribeOrganization", "account:ListRegions"]),
                          resource: MatchList(["*"])),
            ])
        case "IAMFullAccess":
            return PolicyDocument(statements: [Statement(effect: .allow, action: MatchList(["iam:*", "organizations:Describe*",
                                                                                            "organizations:List*"]),
                                                         resource: MatchList(["*"]))])
        case "ReadOnlyAccess", "ViewOnlyAccess", "SecurityAudit":
            return PolicyDocument(statements: [Statement(effect: .allow, action: MatchList(["*:Get*", "*:List*", "*:Describe*"]),
                                                         resource: MatchList(["*"]))])
        case "AmazonS3FullAccess":
            return PolicyDocument(statements: [Statement(effect: .allow, action: MatchList(["s3:*", "s3-object-lambda:*"]),
                                                         resource: MatchList(["*"]))])
        case "AmazonS3ReadOnlyAccess":
            return PolicyDocument(statements: [Statement(effect: .allow, action: MatchList(["s3:Get*", "s3:List*"]),
                                                         resource: MatchList(["*"]))])
        default:
            return nil
        }
    }
}
