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
        // About one account in ten shares a read-only role with the whole organization.
        if account.index % 10 == 3 {
            plans.append(RolePlan(name: "org-shared-reader", trust: TrustPolicies.organizationWide(shape.organizationID),
                                  permission: .readOnly))
        }
        // About one in a hundred has a role anyone can assume (public assets gone wrong).
        if account.index % 97 == 5 {
            plans.append(RolePlan(name: "public-assets-reader", trust: TrustPolicies.anyone(), permission: .s3Read))
        }
        return plans
    }
}
