import TrustPathAnalysis

/// One SARIF rule per kind of weakness a finding enters through, with the help GitHub code scanning shows.
public struct SARIFRule: Sendable {
    public let id: String
    public let name: String
    public let short: String
    public let help: String
    /// The AWS IAM User Guide page on the rule's topic: stable, public, and about the fix.
    public let helpURI: String
    /// `error`, `warning` or `note`: how bad the weakness is before knowing what the role can do.
    public let defaultLevel: String
    /// GitHub's 0–10 score for the rule (its severity badge): high for outside entries, medium for services.
    public let securitySeverity: String
    public let tags: [String]

    public static let all: [SARIFRule] = [publicTrust, externalWithoutExternalID, weakExternalID, openFederation, unpinnedService]

    public static let publicTrust = SARIFRule(
        id: "TP001", name: "PublicRoleTrust", short: "A role trusts every AWS principal",
        help: "The trust policy allows Principal \"*\" without a condition that only your organization meets. "
            + "Add aws:PrincipalOrgID with your organization id, or name the exact principal.",
        helpURI: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
        defaultLevel: "error", securitySeverity: "9.5", tags: ["security", "aws", "iam", "public-access"])
    public static let externalWithoutExternalID = SARIFRule(
        id: "TP002", name: "ExternalAccountWithoutExternalId", short: "A role trusts an outside account without sts:ExternalId",
        help: "Any principal of the trusted account, including other customers of a multi-tenant vendor, can assume the role: "
            + "the confused deputy. Require StringEquals sts:ExternalId with the value the vendor issued to you.",
        helpURI: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html",
        defaultLevel: "error", securitySeverity: "8.0", tags: ["security", "aws", "iam", "confused-deputy", "cross-account"])
    public static let weakExternalID = SARIFRule(
        id: "TP003", name: "WeakExternalId", short: "sts:ExternalId is present in a form that protects nothing",
        help: "A wildcard, an IfExists operator, a Null test or a negated operator lets a caller without the secret pass. "
            + "Use StringEquals sts:ExternalId with the exact value.",
        helpURI: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html",
        defaultLevel: "error", securitySeverity: "8.0", tags: ["security", "aws", "iam", "confused-deputy", "cross-account"])
    public static let openFederation = SARIFRule(
        id: "TP004", name: "OpenFederatedTrust", short: "A role trusts an identity provider without pinning the subject",
        help: "Anyone holding a token of the provider can assume the role (for GitHub Actions: any repository). "
            + "Pin the subject, e.g. StringLike token.actions.githubusercontent.com:sub \"repo:ORG/REPO:*\".",
        helpURI: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html",
        defaultLevel: "error", securitySeverity: "9.0", tags: ["security", "aws", "iam", "federation", "oidc"])
    public static let unpinnedService = SARIFRule(
        id: "TP005", name: "UnpinnedServiceTrust", short: "A role trusts a service without aws:SourceArn/aws:SourceAccount",
        help: "The service can be pointed at this role from another account: the cross-service confused deputy. "
            + "Add aws:SourceAccount (and aws:SourceArn) naming your resource.",
        helpURI: "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
        defaultLevel: "warning", securitySeverity: "5.0", tags: ["security", "aws", "iam", "confused-deputy", "cross-service"])

    /// The rule a finding falls under, from the hop where it enters.
    public static func rule(for finding: Finding) -> SARIFRule {
        switch finding.entry.kind {
        case .public: return publicTrust
        case .federated: return openFederation
        case .service: return unpinnedService
        case .externalAccount:
            return finding.hops.first?.weakGuards.isEmpty == false ? weakExternalID : externalWithoutExternalID
        }
    }

    /// The rule of a door: by its most exposed entry.
    public static func rule(for door: ReportDoor) -> SARIFRule {
        let entry = door.entries.min { left, right in
            Finding.exposureRank(kind: left.kind, named: left.name != nil) < Finding.exposureRank(kind: right.kind, named: right.name != nil)
        }
        switch entry?.kind {
        case .public?, nil: return publicTrust
        case .federated?: return openFederation
        case .service?: return unpinnedService
        case .externalAccount?:
            return door.entries.contains { $0.lacks.contains("sts:ExternalId") } && door.fix?.kinds.contains(.addExternalID) == true
                && door.fix?.removeConditionKeys.isEmpty == false ? weakExternalID : externalWithoutExternalID
        }
    }

    /// The help as Markdown: what is wrong, the fix, where to read more.
    public var helpMarkdown: String {
        "**\(short).**\n\n\(help)\n\nRead more: [AWS IAM User Guide](\(helpURI)). "
            + "TrustPath's README lists every rule under *SARIF rules* (anchor `#\(id.lowercased())`)."
    }
}
