import TrustPathModel

/// What a role can do once assumed, asked action by action on any resource: used to judge how bad it is
/// that an outsider holds the role. Errs towards "allowed": conditions on Allow statements are taken as
/// met, and only unconditional Denies on every resource take an action away.
public struct PermissionProbe: Sendable {
    public let role: Role
    private let identity: [Statement]
    private let boundary: [Statement]?
    /// The statements of every SCP that applies: some SCP must allow, none may deny.
    private let scps: [Statement]?
    /// Attached policies the snapshot does not hold: what they grant is unknown.
    public let missingPolicies: [String]

    public init(role: Role, index: SnapshotIndex) {
        self.role = role
        var missing: [String] = []
        identity = IdentityEvaluator.identityPolicies(of: role, index: index, missing: &missing).flatMap(\.document.statements)
        boundary = role.permissionsBoundaryARN.map { index.managedPolicy($0, account: role.account)?.statements ?? [] }
        let applicable = index.organizationPolicies(.serviceControl, for: role.account)
        scps = applicable.isEmpty ? nil : applicable.flatMap(\.document.statements)
        missingPolicies = missing
    }

    /// Everything the probe's answers depend on: roles with equal signatures get equal answers, so a
    /// classification can be reused across the many roles that attach the same policies.
    public struct Signature: Sendable, Hashable {
        let identity: [Statement]
        let boundary: [Statement]?
        let scps: [Statement]?
        let missingPolicies: [String]
    }

    /// This probe's signature.
    public var signature: Signature {
        Signature(identity: identity, boundary: boundary, scps: scps, missingPolicies: missingPolicies)
    }

    /// Whether the role may perform `action` on at least some resource.
    public func allows(_ action: String) -> Bool {
        guard Self.grants(identity, action) else { return false }
        if let boundary, !Self.grants(boundary, action) { return false }
        if let scps, !Self.grants(scps, action) { return false }
        return true
    }

    /// The action patterns of the role's Allow statements, the raw material for probing.
    public var allowedPatterns: [String] {
        identity.filter { $0.effect == .allow && !$0.action.negated }.flatMap(\.action.patterns)
            + (identity.contains { $0.effect == .allow && $0.action.negated } ? ["*"] : [])
    }

    private static func grants(_ statements: [Statement], _ action: String) -> Bool {
        var allowed = false
        for statement in statements where statement.action.coversAction(action) {
            if statement.effect == .deny {
                if statement.conditions.isEmpty, statement.resource?.patterns == ["*"], statement.resource?.negated == false {
                    return false
                }
            } else if statement.resource.map({ !($0.negated && $0.patterns.contains("*")) }) ?? false {
                allowed = true
            }
        }
        return allowed
    }
}
