import TrustPathAnalysis

/// One SARIF rule per kind of weakness a finding enters through.
public struct SARIFRule: Sendable {
    public let id: String
    public let name: String
    public let short: String
    public let help: String

    public static let all: [SARIFRule] = [publicTrust, externalWithoutExternalID, weakExternalID, openFederation, unpinnedService]

    public static let publicTrust = SARIFRule(
        id: "TP001", name: "PublicRoleTrust", short: "A role trusts every AWS principal",
        help: "The trust policy allows Principal \"*\" without a condition that only your organization meets. "
            + "Add aws:PrincipalOrgID with your organization id, or name the exact principal.")
    public static let externalWithoutExternalID = SARIFRule(
        id: "TP002", name: "ExternalAccountWithoutExternalId", short: "A role trusts an outside account without sts:ExternalId",
        help: "Any principal of the trusted account, including other customers of a multi-tenant vendor, can assume the role: "
            + "the confused deputy. Require StringEquals sts:ExternalId with the value the vendor issued to you.")
    public static let weakExternalID = SARIFRule(
        id: "TP003", name: "WeakExternalId", short: "sts:ExternalId is present in a form that protects nothing",
        help: "A wildcard, an IfExists operator, a Null test or a negated operator lets a caller without the secret pass. "
            + "Use StringEquals sts:ExternalId with the exact value.")
    public static let openFederation = SARIFRule(
        id: "TP004", name: "OpenFederatedTrust", short: "A role trusts an identity provider without pinning the subject",
        help: "Anyone holding a token of the provider can assume the role (for GitHub Actions: any repository). "
            + "Pin the subject, e.g. StringLike token.actions.githubusercontent.com:sub \"repo:ORG/REPO:*\".")
    public static let unpinnedService = SARIFRule(
        id: "TP005", name: "UnpinnedServiceTrust", short: "A role trusts a service without aws:SourceArn/aws:SourceAccount",
        help: "The service can be pointed at this role from another account: the cross-service confused deputy. "
            + "Add aws:SourceAccount (and aws:SourceArn) naming your resource.")

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

    public var helpURI: String { "https://github.com/trustpath/trustpath/blob/main/README.md#\(id.lowercased())" }
}
