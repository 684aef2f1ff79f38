import TrustPathModel

/// From each principal a trust policy can name to the roles that name it in an Allow statement.
struct TrustIndex: Sendable {
    private var anyone: [String] = []
    private var byAccount: [String: [String]] = [:]
    private var byRoleARN: [String: [String]] = [:]
    /// Key `account/roleName`: assumed-role session ARNs name a role without its path.
    private var bySessionOf: [String: [String]] = [:]
    private var byService: [String: [String]] = [:]
    private var byProvider: [String: [String]] = [:]
    /// Accounts named by ARN-form principals (role, user, …): the external-account entry can act as those.
    private var byPrincipalAccount: [String: [String]] = [:]

    init(roles: [Role]) {
        for role in roles {
            for statement in role.trustPolicy?.statements ?? [] {
                guard statement.effect == .allow, let principal = statement.principal else { continue }
                add(principal, role: role)
            }
        }
    }

    /// A warning for every trust statement of `roles` that uses NotPrincipal (the index ignores them).
    static func notPrincipalDiagnostics(_ roles: [Role]) -> [Diagnostic] {
        roles.flatMap { role in
            (role.trustPolicy?.statements ?? []).filter { $0.notPrincipal != nil }.map { statement in
                Diagnostic(
                    .warning, code: "not-principal-in-trust",
                    "role \(role.name): trust statement \(statement.index) uses NotPrincipal, which is not valid in a trust policy; the statement is ignored",
                    at: SourceLocation(file: role.trustLocation.file,
                                       jsonPath: role.trustLocation.jsonPath + ".Statement[\(statement.index)]"),
                    hint: "name the allowed principals with Principal instead")
            }
        }
    }

    private mutating func add(_ principal: PrincipalSet, role: Role) {
        let arn = role.arn
        if principal.everyone { append(&anyone, arn) }
        for value in principal.aws {
            switch PrincipalReference(value) {
            case .anyone: append(&anyone, arn)
            case .account(let id, _):
                byAccount[id, default: []].append(arn)
            case .role(let principalARN, let account, _, _):
                byRoleARN[principalARN, default: []].append(arn)
                byPrincipalAccount[account, default: []].append(arn)
            case .assumedRole(let account, _, let roleName, _):
                bySessionOf["\(account)/\(roleName)", default: []].append(arn)
                byPrincipalAccount[account, default: []].append(arn)
            case .user(_, let account, _), .otherARN(_, let account, _):
                byPrincipalAccount[account, default: []].append(arn)
            case .uniqueID, .invalid: break
            }
        }
        for service in principal.service { byService[service.lowercased(), default: []].append(arn) }
        for provider in principal.federated { byProvider[FederatedProvider.entryID(of: provider), default: []].append(arn) }
    }

    private func append(_ list: inout [String], _ arn: String) {
        if list.last != arn { list.append(arn) }
    }

    /// Every provider entry id a trust names in an Allow statement, with the roles that name it, sorted.
    var providers: [(id: String, roles: [String])] {
        byProvider.keys.sorted().map { ($0, Array(Set(byProvider[$0, default: []])).sorted()) }
    }

    /// `withoutAccountRoot` (a role session that cannot call AssumeRole on its own permissions) leaves out the roles that
    /// name the session's account: only the roles that name it or `*` can let it in without identity permission (and
    /// then only in its own account, which the caller keeps).
    func candidates(for actor: Actor, rolesByARN: [String: Role], withoutAccountRoot: Bool = false) -> [String] {
        var result: [String] = []
        switch actor {
        case .anyone:
            result = anyone
        case .externalAccount(let id):
            result = anyone + byAccount[id, default: []] + byPrincipalAccount[id, default: []]
        case .service(let name):
            result = byService[name.lowercased(), default: []]
        case .federated(let provider):
            result = byProvider[FederatedProvider.entryID(of: provider), default: []]
        case .roleSession(let arn):
            guard let role = rolesByARN[arn] else { return [] }
            if withoutAccountRoot {
                result = anyone + byRoleARN[arn, default: []] + bySessionOf["\(role.account)/\(role.name)", default: []]
            } else {
                result = anyone + byAccount[role.account, default: []] + byRoleARN[arn, default: []]
                    + bySessionOf["\(role.account)/\(role.name)", default: []]
            }
        }
        return Array(Set(result)).sorted()
    }
}
