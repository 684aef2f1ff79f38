import TrustPathModel

/// What a session obtained through one hop carries and how long it lasts: the controls that make a path traceable
/// (source identity, session and transitive tags) and the one-hour cap on chained sessions.
public struct SessionFacts: Sendable, Codable, Hashable {
    /// The statement has a condition that fails unless the caller sets a source identity
    /// (`sts:SourceIdentity` under a non-negated operator, not `…IfExists`, or `Null` false).
    public var requiresSourceIdentity: Bool
    /// The trust allows the caller `sts:SetSourceIdentity`, so a source identity can be set at this hop.
    public var allowsSetSourceIdentity: Bool
    /// The trust allows `sts:TagSession`, so the caller can pass session tags.
    public var allowsTagSession: Bool
    /// Session tag keys the statement requires (`aws:RequestTag/KEY`), sorted.
    public var requiredSessionTags: [String]
    /// Tag keys the statement requires the caller to mark transitive (`sts:TransitiveTagKeys`), sorted.
    public var requiredTransitiveTagKeys: [String]
    /// The caller is a role session: AWS caps a chained session at one hour whatever the role allows.
    public var chained: Bool
    /// The role's `MaxSessionDuration` as exported; nil when the export does not say.
    public var roleMaxSessionDuration: Int?
    /// The longest session this hop can yield, in seconds.
    public var maxSessionSeconds: Int

    public init(requiresSourceIdentity: Bool, allowsSetSourceIdentity: Bool, allowsTagSession: Bool,
                requiredSessionTags: [String], requiredTransitiveTagKeys: [String], chained: Bool,
                roleMaxSessionDuration: Int?, maxSessionSeconds: Int) {
        self.requiresSourceIdentity = requiresSourceIdentity
        self.allowsSetSourceIdentity = allowsSetSourceIdentity
        self.allowsTagSession = allowsTagSession
        self.requiredSessionTags = requiredSessionTags
        self.requiredTransitiveTagKeys = requiredTransitiveTagKeys
        self.chained = chained
        self.roleMaxSessionDuration = roleMaxSessionDuration
        self.maxSessionSeconds = maxSessionSeconds
    }

    /// AWS's limit on a session obtained with role credentials (role chaining), in seconds.
    public static let chainedSessionLimit = 3600
    /// The `MaxSessionDuration` of a role created without one.
    public static let defaultMaxSessionDuration = 3600

    /// The facts of the hop through `statement` of `role`'s trust policy; `chained` when the caller is a role session.
    public init(statement: Statement, role: Role, chained: Bool) {
        let clauses = statement.conditions
        requiresSourceIdentity = clauses.contains { $0.normalizedKey == "sts:sourceidentity" && Self.requiresPresence($0) }
        let siblings = Self.samePrincipalAllows(statement, in: role.trustPolicy)
        allowsSetSourceIdentity = siblings.contains { $0.action.coversAction("sts:SetSourceIdentity") }
        allowsTagSession = siblings.contains { $0.action.coversAction("sts:TagSession") }
        let requestTagPrefix = "aws:requesttag/"
        requiredSessionTags = Set(clauses.filter { $0.normalizedKey.hasPrefix(requestTagPrefix) && Self.requiresPresence($0) }
            .map { String($0.key.dropFirst(requestTagPrefix.count)) }).sorted()
        requiredTransitiveTagKeys = Set(clauses.filter {
            $0.normalizedKey == "sts:transitivetagkeys" && Self.requiresPresence($0) && $0.op.base != .null
        }.flatMap(\.values)).sorted()
        self.chained = chained
        roleMaxSessionDuration = role.maxSessionDuration
        let roleLimit = role.maxSessionDuration ?? Self.defaultMaxSessionDuration
        maxSessionSeconds = chained ? min(roleLimit, Self.chainedSessionLimit) : roleLimit
    }

    /// One line for people: "source identity required; session tags allowed; sessions up to 1 h (chained; the role allows 12 h)".
    public var summary: String {
        var parts: [String] = []
        if requiresSourceIdentity {
            parts.append("source identity required")
        } else if allowsSetSourceIdentity {
            parts.append("source identity may be set, not required")
        } else {
            parts.append("no source identity")
        }
        if !requiredSessionTags.isEmpty {
            parts.append("session tags required: \(requiredSessionTags.joined(separator: ", "))")
        } else {
            parts.append(allowsTagSession ? "session tags allowed" : "no session tags")
        }
        if !requiredTransitiveTagKeys.isEmpty {
            parts.append("transitive tags required: \(requiredTransitiveTagKeys.joined(separator: ", "))")
        }
        var duration = "sessions up to \(Self.hours(maxSessionSeconds))"
        let roleLimit = roleMaxSessionDuration ?? Self.defaultMaxSessionDuration
        if chained {
            duration += roleLimit > maxSessionSeconds ? " (chained; the role allows \(Self.hours(roleLimit)))" : " (chained)"
        }
        parts.append(duration)
        return parts.joined(separator: "; ")
    }

    private static func hours(_ seconds: Int) -> String {
        seconds % 3600 == 0 ? "\(seconds / 3600) h" : "\(seconds / 60) min"
    }

    /// True when the clause fails for a request without the key: a missing key makes a condition false, except
    /// under negated operators, `…IfExists`, `ForAllValues` (true on an empty set) and `Null` true.
    private static func requiresPresence(_ clause: ConditionClause) -> Bool {
        guard let base = clause.op.base, !clause.op.ifExists, clause.op.qualifier != .forAllValues else { return false }
        if base == .null { return clause.values.allSatisfy { $0.lowercased() == "false" } && !clause.values.isEmpty }
        return !base.isNegated
    }

    /// The statement itself and the other Allow statements naming exactly the same principals:
    /// AWS reads `sts:SetSourceIdentity` and `sts:TagSession` from any statement that admits the caller, and a
    /// trust often grants them in a statement of their own.
    private static func samePrincipalAllows(_ statement: Statement, in trust: PolicyDocument?) -> [Statement] {
        let others = (trust?.statements ?? []).filter {
            $0.effect == .allow && $0.index != statement.index && $0.principal == statement.principal && $0.principal != nil
        }
        return [statement] + others
    }
}
