/// The Organizations side of a synthetic organization: describe-organization, list-accounts and two SCPs.
enum OrganizationFiles {
    static func files(_ shape: OrganizationShape) -> [(name: String, bytes: [UInt8])] {
        [
            ("organizations-describe-organization.json", render(describeOrganization(shape))),
            ("organizations-list-accounts.json", render(listAccounts(shape))),
            ("scp-p-FullAWSAccess.json", render(policy(shape, id: "p-FullAWSAccess", name: "FullAWSAccess", awsManaged: true,
                                                         statement: .object([("Effect", .string("Allow")), ("Action", .string("*")),
                                                                             ("Resource", .string("*"))])))),
            ("scp-p-denyleave0-deny-leave-organization.json", render(policy(
                shape, id: "p-denyleave0", name: "DenyLeaveOrganization", awsManaged: false,
                statement: .object([("Effect", .string("Deny")), ("Action", .string("organizations:LeaveOrganization")),
                                    ("Resource", .string("*"))])))),
        ]
    }

    private static func render(_ value: JSONText) -> [UInt8] {
        var writer = JSONTextWriter()
        writer.write(value)
        return writer.bytes
    }

    private static func describeOrganization(_ shape: OrganizationShape) -> JSONText {
        let management = shape.managementAccount
        return .object([("Organization", .object([
            ("Id", .string(shape.organizationID)),
            ("Arn", .string("arn:aws:organizations::\(management):organization/\(shape.organizationID)")),
            ("FeatureSet", .string("ALL")),
            ("MasterAccountArn", .string("arn:aws:organizations::\(management):account/\(shape.organizationID)/\(management)")),
            ("MasterAccountId", .string(management)),
            ("MasterAccountEmail", .string("aws-management@synthetic.example")),
            ("AvailablePolicyTypes", .array([.object([("Type", .string("SERVICE_CONTROL_POLICY")), ("Status", .string("ENABLED"))])])),
        ]))])
    }

    private static func listAccounts(_ shape: OrganizationShape) -> JSONText {
        let management = shape.managementAccount
        let accounts: [JSONText] = (0..<shape.accounts).map { index in
            let id = shape.accountID(index)
            return .object([
                ("Id", .string(id)), ("Arn", .string("arn:aws:organizations::\(management):account/\(shape.organizationID)/\(id)")),
                ("Email", .string("aws-\(shape.accountName(index))@synthetic.example")), ("Name", .string(shape.accountName(index))),
                ("Status", .string("ACTIVE")), ("JoinedMethod", .string(index == 0 ? "CREATED" : "INVITED")),
                ("JoinedTimestamp", .string(AWSManagedPolicies.date(index % 90))),
            ])
        }
        return .object([("Accounts", .array(accounts))])
    }

    private static func policy(_ shape: OrganizationShape, id: String, name: String, awsManaged: Bool,
                               statement: JSONText) -> JSONText {
        var content = JSONTextWriter()
        content.write(AWSManagedPolicies.policy([statement]))
        let management = shape.managementAccount
        return .object([
            ("Policy", .object([
                ("PolicySummary", .object([
                    ("Id", .string(id)),
                    ("Arn", .string("arn:aws:organizations::\(management):policy/\(shape.organizationID)/service_control_policy/\(id)")),
                    ("Name", .string(name)), ("Type", .string("SERVICE_CONTROL_POLICY")), ("AwsManaged", .bool(awsManaged)),
                ])),
                ("Content", .string(String(decoding: content.bytes, as: UTF8.self))),
            ])),
            ("Targets", .array([.object([
                ("TargetId", .string(shape.rootID)),
                ("Arn", .string("arn:aws:organizations::\(management):root/\(shape.organizationID)/\(shape.rootID)")),
                ("Name", .string("Root")), ("Type", .string("ROOT")),
            ])])),
        ])
    }
}
