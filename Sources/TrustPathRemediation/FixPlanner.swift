import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// Decides the exact change that closes a trust statement for a set of actor kinds.
public struct FixPlanner: Sendable {
    /// How many of the roles a fix must shut out its wording names.
    static let rolesNamed = 10

    public let index: SnapshotIndex
    /// Known vendors by account id: a fix for a vendor's trust names the vendor and the confused deputy.
    public let vendorNames: [String: String]

    public init(index: SnapshotIndex, vendorNames: [String: String] = [:]) {
        self.index = index
        self.vendorNames = vendorNames
    }

    /// The kinds of actor a hop can come from, for choosing a fix.
    public enum ActorClass: String, Sendable, Hashable, Comparable, CaseIterable {
        case outsider, service, federated, roleSession
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

        public init(_ actor: Actor) {
            switch actor {
            case .anyone, .externalAccount: self = .outsider
            case .service: self = .service
            case .federated: self = .federated
            case .roleSession: self = .roleSession
            }
        }
    }

    /// Whether `fix(for:closing:)` gives a fix for this statement and some actors: its role can be edited and
    /// holds the statement. The same answer without wording a fix, for questions asked of every statement.
    public func canFix(_ statement: StatementReference) -> Bool {
        editableStatement(statement) != nil
    }

    /// The fix that closes `statement` for hops from these actors; nil for service-linked roles, which cannot be edited.
    public func fix(for statement: StatementReference, closing actors: [Actor]) -> Fix? {
        guard !actors.isEmpty, let (role, trustStatement) = editableStatement(statement) else { return nil }
        var builder = FixBuilder(role: role, statement: statement)
        let classes = Set(actors.map(ActorClass.init))
        if classes.contains(.roleSession) {
            restrictPrincipal(trustStatement, role: role, sessions: actors, into: &builder)
        } else if classes.contains(.outsider) {
            let accounts = Set(actors.compactMap { if case .externalAccount(let id) = $0 { id } else { nil } })
            let principal = trustStatement.principal ?? PrincipalSet()
            let outsiders = principal.awsPrincipals(inAccounts: accounts)
            // Accounts that only pass a `"*"` principal have no ExternalId to give: close the statement to the org.
            if accounts.count == actors.count, !outsiders.isEmpty {
                if !principal.service.isEmpty || !principal.federated.isEmpty || outsiders.count < principal.aws.count {
                    builder.splitOut(outsiders)
                }
                // Vendors named by the statement itself, not by the actors: one statement gets one wording.
                let vendors = Set(outsiders.compactMap { PrincipalReference($0).account.flatMap { vendorNames[$0] } }).sorted()
                builder.addExternalID(weak: trustStatement.conditions.contains { $0.normalizedKey == "sts:externalid" },
                                      vendors: vendors)
            } else {
                builder.addPrincipalOrgID(index.organizationID)
            }
        }
        if classes.contains(.service) {
            builder.addSourceConditions(services: actors.compactMap { if case .service(let name) = $0 { name } else { nil } })
        }
        for case .federated(let provider) in actors {
            builder.pinSubject(FederatedProvider(provider))
        }
        return builder.build()
    }

    private func editableStatement(_ statement: StatementReference) -> (Role, Statement)? {
        // Service-linked roles cannot be edited; Identity Center's change through their permission set.
        guard let role = index.rolesByARN[statement.owner], role.trustIsHandEditable,
              let trustStatement = role.trustPolicy?.statements.first(where: { $0.index == statement.index }) else { return nil }
        return (role, trustStatement)
    }

    /// For hops from role sessions: name the allowed role instead of the account root when the trust names the
    /// account; otherwise allow only named principal ARNs.
    private func restrictPrincipal(_ statement: Statement, role: Role, sessions: [Actor], into builder: inout FixBuilder) {
        let callerAccounts = Set(sessions.compactMap { actor -> String? in
            if case .roleSession(let arn) = actor { return index.rolesByARN[arn]?.account }
            return nil
        })
        let roots = (statement.principal?.aws ?? []).filter { value in
            if case .account(let id, _) = PrincipalReference(value) { return callerAccounts.contains(id) }
            return false
        }
        let onlyRoots = sessions.allSatisfy { actor in
            guard case .roleSession(let arn) = actor, let caller = index.rolesByARN[arn] else { return false }
            return roots.contains { PrincipalReference($0).account == caller.account }
        }
        if !roots.isEmpty, onlyRoots, !(statement.principal?.everyone ?? false), !(statement.principal?.aws.contains("*") ?? false) {
            builder.replaceRoots(roots, partition: role.partition)
        } else {
            builder.restrictPrincipalARN(partition: role.partition, account: role.account)
        }
        let names = sessions.compactMap { actor -> String? in
            if case .roleSession(let arn) = actor, arn != role.arn { return index.rolesByARN[arn]?.name }
            return nil
        }.sorted()
        // An organization-wide statement can let thousands of roles through: the first ones named, the rest counted.
        let named = names.prefix(Self.rolesNamed).joined(separator: ", ")
        let more = names.count > Self.rolesNamed ? " and \(names.count - Self.rolesNamed) more" : ""
        builder.mention("do not allow these roles, which outside entries reach: " + named + more)
    }
}
