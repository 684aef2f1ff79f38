/// The claim of a multi-tenant issuer's token that names the tenant (the GitHub owner, the GitLab group, the Terraform
/// Cloud organization, the Cognito identity pool), and how a trust pins it.
public struct TenantClaim: Sendable, Hashable {
    /// The claim as the condition key names it after the issuer: `sub`, `aud`, `app_id`.
    public let claim: String
    /// The fixed text before the tenant (`repo:`); empty when the tenant is the whole value.
    public let prefix: String
    /// The text that ends the tenant (`/`, `:`); nil when the tenant is the whole value.
    public let delimiter: String?
    /// How the claim looks, for reports: `repo:OWNER/REPO:…`.
    public let shape: String

    /// True when a policy value, compared with StringLike, admits a tenant the attacker can pick: a wildcard before
    /// the tenant is closed by its delimiter. `repo:acme/*` pins; `repo:acme*`, `repo:acme?/*`, `repo:*`, `*` do not.
    public func isOpenPattern(_ value: String) -> Bool {
        let characters = Array(value)
        guard let firstWildcard = characters.firstIndex(where: { $0 == "*" || $0 == "?" }) else { return false }
        let prefixCharacters = Array(prefix)
        if firstWildcard < prefixCharacters.count { return true }
        guard let delimiter else { return true }
        // The tenant ends at the first delimiter after the prefix; a wildcard before that delimiter lets tenants in.
        let afterPrefix = String(characters[prefixCharacters.count...])
        guard let range = afterPrefix.range(of: delimiter) else { return true }
        let tenantEnd = prefixCharacters.count + afterPrefix.distance(from: afterPrefix.startIndex, to: range.upperBound)
        return firstWildcard < tenantEnd
    }
}

/// An OIDC issuer the analysis knows: who runs it and whether anyone can obtain a token from it.
public struct FederatedIssuer: Sendable, Hashable {
    public enum Tenancy: Sendable, Hashable {
        /// One issuer for every customer: anyone can obtain a token; only the tenant claim tells tenants apart.
        case multiTenant(TenantClaim)
        /// The issuer URL carries the tenant (a workspace, an organization id): only that tenant's jobs get tokens.
        case perTenant
    }

    /// "GitHub Actions".
    public let name: String
    /// The issuer as IAM names it after `oidc-provider/`; for per-tenant issuers, the part before the tenant.
    public let issuer: String
    public let tenancy: Tenancy
    public let reason: String
    /// Public documentation for the reason.
    public let source: String

    /// Whether this entry describes an issuer as IAM names it.
    func describes(_ candidate: String) -> Bool {
        let lowered = candidate.lowercased()
        switch tenancy {
        case .multiTenant: return lowered == issuer
        case .perTenant: return lowered.hasPrefix(issuer) && lowered.count > issuer.count
        }
    }
}

/// The OIDC issuers the analysis knows, as data: each with its tenancy, reason and public source.
public enum FederatedIssuers {
    public static let known: [FederatedIssuer] = [
        FederatedIssuer(
            name: "GitHub Actions", issuer: "token.actions.githubusercontent.com",
            tenancy: .multiTenant(TenantClaim(claim: "sub", prefix: "repo:", delimiter: "/", shape: "repo:OWNER/REPO:…")),
            reason: "every GitHub repository's workflows get tokens from this one issuer; sub names the owner first",
            source: "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services"),
        FederatedIssuer(
            name: "GitHub Actions (enterprise issuer)", issuer: "token.actions.githubusercontent.com/",
            tenancy: .perTenant,
            reason: "an enterprise that sets a unique issuer gets token.actions.githubusercontent.com/ENTERPRISE; only its jobs get those tokens",
            source: "https://docs.github.com/en/enterprise-cloud@latest/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect"),
        FederatedIssuer(
            name: "GitLab.com", issuer: "gitlab.com",
            tenancy: .multiTenant(TenantClaim(claim: "sub", prefix: "project_path:", delimiter: "/",
                                              shape: "project_path:GROUP/PROJECT:ref_type:…")),
            reason: "every GitLab.com project's CI jobs get tokens from this one issuer; sub names the top-level group first",
            source: "https://docs.gitlab.com/ci/cloud_services/aws/"),
        FederatedIssuer(
            name: "Terraform Cloud", issuer: "app.terraform.io",
            tenancy: .multiTenant(TenantClaim(claim: "sub", prefix: "organization:", delimiter: ":",
                                              shape: "organization:ORG:project:…:workspace:…")),
            reason: "every HCP Terraform organization's runs get tokens from this one issuer; sub names the organization first",
            source: "https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/aws-configuration"),
        FederatedIssuer(
            name: "Buildkite", issuer: "agent.buildkite.com",
            tenancy: .multiTenant(TenantClaim(claim: "sub", prefix: "organization:", delimiter: ":",
                                              shape: "organization:ORG:pipeline:…")),
            reason: "every Buildkite organization's agents get tokens from this one issuer; sub names the organization first",
            source: "https://buildkite.com/docs/pipelines/security/oidc/aws"),
        FederatedIssuer(
            name: "Google", issuer: "accounts.google.com",
            tenancy: .multiTenant(TenantClaim(claim: "sub", prefix: "", delimiter: nil, shape: "the Google account id")),
            reason: "any Google account gets tokens from this issuer; aud names an application anyone may sign in to, "
                + "so only a literal sub (one account) pins who comes in",
            source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif"),
        FederatedIssuer(
            name: "Cognito identity pools", issuer: "cognito-identity.amazonaws.com",
            tenancy: .multiTenant(TenantClaim(claim: "aud", prefix: "", delimiter: nil, shape: "the identity pool id")),
            reason: "every identity pool of every AWS customer issues tokens here; aud names the pool",
            source: "https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html"),
        FederatedIssuer(
            name: "Facebook", issuer: "graph.facebook.com",
            tenancy: .multiTenant(TenantClaim(claim: "app_id", prefix: "", delimiter: nil, shape: "the Facebook app id")),
            reason: "any Facebook user gets tokens from this issuer; app_id names the application",
            source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif"),
        FederatedIssuer(
            name: "Login with Amazon", issuer: "www.amazon.com",
            tenancy: .multiTenant(TenantClaim(claim: "app_id", prefix: "", delimiter: nil, shape: "the application id")),
            reason: "any Amazon customer gets tokens from this issuer; app_id names the application",
            source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif"),
        FederatedIssuer(
            name: "Bitbucket Pipelines", issuer: "api.bitbucket.org/2.0/workspaces/",
            tenancy: .perTenant,
            reason: "the issuer URL carries the workspace (api.bitbucket.org/2.0/workspaces/WORKSPACE/pipelines-config/identity/oidc): "
                + "only that workspace's pipelines get its tokens",
            source: "https://support.atlassian.com/bitbucket-cloud/docs/integrate-pipelines-with-resource-servers-using-oidc/"),
        FederatedIssuer(
            name: "CircleCI", issuer: "oidc.circleci.com/org/",
            tenancy: .perTenant,
            reason: "the issuer URL carries the organization id (oidc.circleci.com/org/ORG_ID): only that organization's jobs get its tokens",
            source: "https://circleci.com/docs/openid-connect-tokens/"),
        FederatedIssuer(
            name: "Azure DevOps", issuer: "vstoken.dev.azure.com/",
            tenancy: .perTenant,
            reason: "the issuer URL carries the organization id (vstoken.dev.azure.com/ORG_ID): only that organization's pipelines get its tokens",
            source: "https://aws.amazon.com/blogs/modernizing-with-aws/how-to-federate-into-aws-from-azure-devops-using-openid-connect/"),
        FederatedIssuer(
            name: "Cognito user pools", issuer: "cognito-idp.",
            tenancy: .perTenant,
            reason: "the issuer URL carries the user pool id (cognito-idp.REGION.amazonaws.com/POOL_ID): only that pool's users get its tokens",
            source: "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html"),
    ]

    /// The known issuer an issuer name stands for, if any.
    public static func lookup(_ issuer: String) -> FederatedIssuer? {
        known.first { $0.describes(issuer) }
    }

    /// An EKS cluster's own issuer (`oidc.eks.REGION.amazonaws.com/id/…`): only the cluster's service accounts get its
    /// tokens, so it is the organization's own.
    public static func isEKSCluster(_ issuer: String) -> Bool {
        let parts = issuer.lowercased().split(separator: "/", maxSplits: 1)
        guard parts.count == 2, parts[1].hasPrefix("id/") else { return false }
        let host = parts[0]
        return host.hasPrefix("oidc.eks.") && (host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn"))
    }
}
