import TrustPathAnalysis
import TrustPathModel

/// Short names for people: a role ARN as `name (account-name 123456789012)`, an entry by kind and id.
public struct DisplayNames: Sendable {
    public let accountNames: [String: String]

    public init(_ report: Report) { accountNames = report.snapshot.accountNames }

    public func role(_ arn: String) -> String {
        guard let parsed = ARN(arn) else { return arn }
        return "\(parsed.resourceName) (\(account(parsed.account)))"
    }

    public func account(_ id: String) -> String {
        accountNames[id].map { "\($0) \(id)" } ?? id
    }

    public func entry(_ entry: Entry) -> String {
        switch entry.kind {
        case .public: "anyone (Principal *)"
        case .externalAccount: entry.name.map { "vendor \($0) \(entry.id)" } ?? "external account \(entry.id)"
        case .service: "service \(entry.id)"
        case .federated: entry.name.map { "\($0) (\(entry.id))" } ?? "OIDC issuer \(FederatedNames.short(entry.id))"
        }
    }

    /// `entry → role → role`.
    public func path(_ finding: Finding) -> String {
        ([entry(finding.entry)] + finding.path.dropFirst().map(role)).joined(separator: " → ")
    }
}

/// Provider ARNs shortened to the provider (`oidc-provider/token.actions.githubusercontent.com`).
public enum FederatedNames {
    public static func short(_ provider: String) -> String {
        guard let arn = ARN(provider) else { return provider }
        return arn.resource
    }
}
