import TrustPathModel

/// Which protective conditions a trust statement carries, which it lacks for the kind of actor,
/// and which are present in a form that protects nothing.
struct GuardAnalysis {
    var present: [String] = []
    var missing: [String] = []
    var weak: [String] = []

    static let protectiveKeys = ["sts:ExternalId", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount",
                                 "aws:PrincipalArn", "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID",
                                 "aws:SourceOrgPaths", "aws:MultiFactorAuthPresent"]

    init(statement: Statement?, actor: Actor, context: RequestContext) {
        let clauses = statement?.conditions ?? []
        var pinning = Self.protectiveKeys
        if case .federated(let provider) = actor { pinning += FederatedProvider(provider).pinningKeys }
        for key in pinning {
            let matching = clauses.filter { $0.normalizedKey == key.lowercased() }
            guard !matching.isEmpty else { continue }
            present.append(key)
            // A guard is weak when the attacker, on their own, can make it hold.
            let weakClauses = matching.filter { ClauseEvaluation.outcome(of: $0, in: context).canBeTrue }
            if !weakClauses.isEmpty, key == "sts:ExternalId" || pinning.firstIndex(of: key) ?? 0 >= Self.protectiveKeys.count {
                weak += weakClauses.map(\.summary)
            }
        }
        let presentSet = Set(present.map { $0.lowercased() })
        let hasWeakExternalID = weak.contains { $0.lowercased().contains("sts:externalid") }
        func lacks(_ key: String) -> Bool { !presentSet.contains(key.lowercased()) }
        let lacksOrgGuard = lacks("aws:PrincipalOrgID") && lacks("aws:PrincipalArn") && lacks("aws:PrincipalAccount")
        switch actor {
        case .anyone:
            if lacksOrgGuard { missing = ["aws:PrincipalOrgID"] }
        case .externalAccount(let id):
            // An account the statement names is a partner, closed by the secret it issues; one that only passes
            // a `"*"` principal is closed the way the public is, by limiting the statement to the organization.
            let named = !(statement?.principal?.awsPrincipals(inAccounts: [id]) ?? []).isEmpty
            if named {
                if lacks("sts:ExternalId") || hasWeakExternalID { missing = ["sts:ExternalId"] }
            } else if lacksOrgGuard {
                missing = ["aws:PrincipalOrgID"]
            }
        case .service:
            missing = ["aws:SourceArn", "aws:SourceAccount"].filter(lacks)
            if missing.count < 2, !lacks("aws:SourceOrgID") || !lacks("aws:SourceOrgPaths") { missing = [] }
        case .federated(let provider):
            let keys = FederatedProvider(provider).pinningKeys
            let weakKeys = Set(weak.compactMap { summary in keys.first { summary.lowercased().contains($0.lowercased()) } })
            // Cognito is pinned by the identity pool (aud) alone; OIDC and SAML by the subject.
            let needed = FederatedProvider(provider).kind == .cognito ? Array(keys.prefix(1)) : keys
            missing = needed.filter { lacks($0) || weakKeys.contains($0) }
        case .roleSession:
            break
        }
    }
}
