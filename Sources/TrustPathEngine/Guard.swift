import TrustPathModel

/// A protective condition of the trust statement that allowed a hop: one the statement carries (strong or weak),
/// or one it lacks for the kind of actor. Decisions and wording both read these fields, never the summary text.
public struct Guard: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case externalID = "external-id"
        case orgID = "org-id"
        case orgPaths = "org-paths"
        case principalAccount = "principal-account"
        case principalARN = "principal-arn"
        case sourceARN = "source-arn"
        case sourceAccount = "source-account"
        case sourceOrg = "source-org"
        /// The claim of a multi-tenant issuer's token that names the tenant (GitHub `sub`, Cognito `aud`, …).
        case tenantClaim = "tenant-claim"
        case mfa
    }

    public enum Strength: String, Sendable, Hashable, Codable {
        /// Present, and the attacker cannot make it hold.
        case present
        /// Present in a form that protects nothing: the attacker makes it hold (a wildcard, `…IfExists`, a negation).
        case weak
        /// Absent, though this kind of actor needs it.
        case missing
    }

    /// The condition key as the contract names it (`sts:ExternalId`, `token.actions.githubusercontent.com:sub`).
    public var key: String
    public var kind: Kind
    /// The values the statement pins (empty for a missing guard).
    public var pins: [String]
    public var strength: Strength
    /// For people: the clause (`StringLike sts:ExternalId "*"`), or `no sts:ExternalId`.
    public var summary: String

    public init(key: String, kind: Kind, pins: [String], strength: Strength, summary: String) {
        self.key = key
        self.kind = kind
        self.pins = pins
        self.strength = strength
        self.summary = summary
    }

    static func kind(ofKey key: String) -> Kind? {
        switch key.lowercased() {
        case "sts:externalid": .externalID
        case "aws:principalorgid": .orgID
        case "aws:principalorgpaths": .orgPaths
        case "aws:principalaccount": .principalAccount
        case "aws:principalarn": .principalARN
        case "aws:sourcearn": .sourceARN
        case "aws:sourceaccount": .sourceAccount
        case "aws:sourceorgid", "aws:sourceorgpaths": .sourceOrg
        case "aws:multifactorauthpresent": .mfa
        default: nil
        }
    }

    static let protectiveKeys = ["sts:ExternalId", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount",
                                 "aws:PrincipalArn", "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID",
                                 "aws:SourceOrgPaths", "aws:MultiFactorAuthPresent"]
}

/// Judges the guards of the statement that allowed a hop, from the actor's side.
enum GuardJudgement {
    static func guards(statement: Statement?, actor: Actor, context: RequestContext, standing: FederatedStanding?) -> [Guard] {
        let clauses = statement?.conditions ?? []
        var keys: [(key: String, kind: Guard.Kind)] = Guard.protectiveKeys.compactMap { key in Guard.kind(ofKey: key).map { (key, $0) } }
        var tenantKey: String?
        if case .federated(let id) = actor, standing.map(Self.tenantMatters) ?? true {
            let provider = FederatedProvider(id)
            if let key = provider.pinningKeys.first {
                tenantKey = key
                keys.append((key, .tenantClaim))
            }
        }
        var result: [Guard] = []
        for (key, kind) in keys {
            for clause in clauses where clause.normalizedKey == key.lowercased() {
                // A guard is weak when the attacker, acting as an entry, can make it hold on their own.
                let holds = ClauseEvaluation.outcome(of: clause, in: context).canBeTrue
                let weak = holds && isWeakWhenItHolds(kind, for: actor)
                result.append(Guard(key: key, kind: kind, pins: clause.values, strength: weak ? .weak : .present,
                                    summary: clause.summary))
            }
        }
        for key in needed(actor: actor, statement: statement, present: result, tenantKey: tenantKey) {
            guard let kind = key == tenantKey ? .tenantClaim : Guard.kind(ofKey: key) else { continue }
            result.append(Guard(key: key, kind: kind, pins: [], strength: .missing, summary: "no \(key)"))
        }
        return result
    }

    /// A secret or an organization boundary an entry meets protects nothing; a principal account or ARN the
    /// external account meets is the restriction doing its job, and only the public meeting it is weak.
    private static func isWeakWhenItHolds(_ kind: Guard.Kind, for actor: Actor) -> Bool {
        switch (kind, actor) {
        case (_, .roleSession): false
        case (.externalID, _), (.tenantClaim, _), (.orgID, _), (.orgPaths, _): true
        case (.principalAccount, .anyone), (.principalARN, .anyone): true
        default: false
        }
    }

    /// The tenant claim protects only where an outsider can get a token at all.
    private static func tenantMatters(_ standing: FederatedStanding) -> Bool {
        switch standing {
        case .multiTenant, .unknownIssuer: true
        default: false
        }
    }

    /// The keys this kind of actor needs that the statement lacks or carries only weakly.
    private static func needed(actor: Actor, statement: Statement?, present: [Guard], tenantKey: String?) -> [String] {
        func strong(_ kinds: Set<Guard.Kind>) -> Bool { present.contains { kinds.contains($0.kind) && $0.strength == .present } }
        func has(_ kinds: Set<Guard.Kind>) -> Bool { present.contains { kinds.contains($0.kind) } }
        let organizationGuards: Set<Guard.Kind> = [.orgID, .orgPaths, .principalARN, .principalAccount]
        switch actor {
        case .anyone:
            return strong(organizationGuards) ? [] : ["aws:PrincipalOrgID"]
        case .externalAccount(let id):
            // An account the statement names is a partner, closed by the secret it issues; one that only passes
            // a `"*"` principal is closed the way the public is, by limiting the statement to the organization.
            let named = !(statement?.principal?.awsPrincipals(inAccounts: [id]) ?? []).isEmpty
            if named { return strong([.externalID]) ? [] : ["sts:ExternalId"] }
            return has(organizationGuards) ? [] : ["aws:PrincipalOrgID"]
        case .service:
            let missing = [("aws:SourceArn", Guard.Kind.sourceARN), ("aws:SourceAccount", .sourceAccount)]
                .filter { !has([$0.1]) }.map(\.0)
            return missing.count < 2 && has([.sourceOrg]) ? [] : missing
        case .federated:
            guard let tenantKey else { return [] }
            return strong([.tenantClaim]) ? [] : [tenantKey]
        case .roleSession:
            return []
        }
    }
}
