/// Roles every account of a kind holds, whatever the seed: the organization's skeleton.
enum FixedRoles {
    static func plans(for account: AccountContext) -> [RolePlan] {
        let shape = account.shape
        let id = account.id
        var plans: [RolePlan] = []
        switch account.index {
        case 0:
            plans.append(RolePlan(name: "OrganizationAdmin", trust: TrustPolicies.accountRoot(id), permission: .administrator))
            plans.append(RolePlan(name: "CostExplorerVendor", trust: TrustPolicies.outsideAccount(
                OutsideAccounts.vendors[0], externalID: .fixed("cost-\(shape.seed)")), permission: .readOnly))
        case 1:
            for deployer in 0..<4 {
                plans.append(RolePlan(name: "deployer-\(deployer)", trust: TrustPolicies.githubActions(
                    account: id, repository: "synthetic-org/platform-\(deployer)"), permission: .assumeDeployRoles))
            }
        default:
            plans.append(RolePlan(name: "OrganizationAccountAccessRole", trust: TrustPolicies.accountRoot(shape.managementAccount),
                                  permission: .administrator))
            plans.append(RolePlan(name: "deploy-target", trust: TrustPolicies.roleARNs(
                (0..<4).map { "arn:aws:iam::\(shape.hubAccount):role/deployer-\($0)" }), permission: .powerUser,
                extraAttached: [CustomerPolicies.deployARN(id)]))
        }
        // A handful of accounts share a read-only role with the whole organization, and a few have a role anyone
        // can assume (public assets gone wrong). Both stay a handful however large the organization: every
        // session that may call AssumeRole reaches them, so a number growing with the accounts would make the
        // findings themselves grow with the square of the accounts.
        if account.index % 10 == 3, account.index < 50 {
            plans.append(RolePlan(name: "org-shared-reader", trust: TrustPolicies.organizationWide(shape.organizationID),
                                  permission: .readOnly))
        }
        if account.index % 97 == 5, account.index < 300 {
            plans.append(RolePlan(name: "public-assets-reader", trust: TrustPolicies.anyone(), permission: .s3Read))
        }
        return plans
    }
}
