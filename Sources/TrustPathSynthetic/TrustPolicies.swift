/// Trust policies of every kind the analysis distinguishes, as the AWS CLI exports them.
enum TrustPolicies {
    static let github = "token.actions.githubusercontent.com"

    static func document(_ statements: [JSONText]) -> JSONText {
        .object([("Version", .string("2012-10-17")), ("Statement", .array(statements))])
    }

    static func allow(principal: JSONText, action: String = "sts:AssumeRole", conditions: JSONText? = nil) -> JSONText {
        var members: [(String, JSONText)] = [("Effect", .string("Allow")), ("Principal", principal),
                                             ("Action", .string(action))]
        if let conditions { members.append(("Condition", conditions)) }
        return .object(members)
    }

    static func aws(_ values: [String]) -> JSONText { .object([("AWS", .oneOrMany(values))]) }

    static func condition(_ entries: [(String, [(String, JSONText)])]) -> JSONText {
        .object(entries.map { ($0.0, .object($0.1)) })
    }

    /// A service principal, pinned to this account's resources or not (the cross-service confused deputy).
    static func service(_ name: String, pinnedTo account: String?) -> JSONText {
        let conditions = account.map { account in
            condition([
                ("StringEquals", [("aws:SourceAccount", .string(account))]),
                ("ArnLike", [("aws:SourceArn", .string("arn:aws:\(name.split(separator: ".")[0]):*:\(account):*"))]),
            ])
        }
        return document([allow(principal: .object([("Service", .string(name))]), conditions: conditions)])
    }

    static func accountRoot(_ account: String) -> JSONText {
        document([allow(principal: aws(["arn:aws:iam::\(account):root"]))])
    }

    static func roleARNs(_ arns: [String]) -> JSONText {
        document([allow(principal: aws(arns))])
    }

    /// A vendor or partner account: with a fixed ExternalId, a wildcard one (weak), or none at all.
    static func outsideAccount(_ account: String, externalID: ExternalIDForm) -> JSONText {
        let conditions: JSONText?
        switch externalID {
        case .fixed(let value): conditions = condition([("StringEquals", [("sts:ExternalId", .string(value))])])
        case .wildcard: conditions = condition([("StringLike", [("sts:ExternalId", .string("*"))])])
        case .none: conditions = nil
        }
        return document([allow(principal: aws(["arn:aws:iam::\(account):root"]), conditions: conditions)])
    }

    enum ExternalIDForm { case fixed(String), wildcard, none }

    /// `"*"` limited to the organization: every role session of the organization may use it.
    static func organizationWide(_ organization: String) -> JSONText {
        document([allow(principal: aws(["*"]),
                        conditions: condition([("StringEquals", [("aws:PrincipalOrgID", .string(organization))])]))])
    }

    /// Anyone at all: a public role.
    static func anyone() -> JSONText {
        document([allow(principal: aws(["*"]))])
    }

    /// GitHub Actions through the account's OIDC provider, with the subject pinned to one repository or only `aud`.
    static func githubActions(account: String, repository: String?) -> JSONText {
        var equals: [(String, JSONText)] = [("\(github):aud", .string("sts.amazonaws.com"))]
        if let repository { equals.append(("\(github):sub", .string("repo:\(repository):ref:refs/heads/main"))) }
        let conditions = condition([("StringEquals", equals)])
        return document([allow(principal: .object([("Federated", .string("arn:aws:iam::\(account):oidc-provider/\(github)"))]),
                               action: "sts:AssumeRoleWithWebIdentity", conditions: conditions)])
    }
}
