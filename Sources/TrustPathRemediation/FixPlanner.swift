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

    /// Each role's account and name by role number (`TargetGroups.roleARNs`): a statement an organization-wide
    /// trust holds can let thousands of roles through, and its fix reads theirs.
    private let roleAccounts: [String?]
    private let roleNames: [String]

    public init(index: SnapshotIndex, vendorNames: [String: String] = [:]) {
        self.index = index
        self.vendorNames = vendorNames
        let roles = index.targetGroups.roleARNs.map { index.rolesByARN[$0] }
        roleAccounts = roles.map { $0?.account }
        roleNames = roles.map { $0?.name ?? "" }
    }

    /// The planner of an analysis: its index, and the names its entries go by.
    public init(_ result: AnalysisResult) {
        let vendors = Dictionary(result.entries.compactMap { entry in entry.name.map { (entry.id, $0) } }) { first, _ in first }
        self.init(index: result.index, vendorNames: vendors)
    }

    /// The actors a fix closes a statement for: role sessions by role number, and every other actor as given.
    public struct Closing: Sendable {
        /// Entries and sessions of roles the snapshot does not hold, in the order given.
        public var others: [Actor]
        /// Role sessions of the snapshot's roles, by number, without repeats.
        public var sessions: [Int]

        public init(others: [Actor], sessions: [Int]) {
            self.others = others
            self.sessions = sessions
        }

        var isEmpty: Bool { others.isEmpty && sessions.isEmpty }
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
        var closing = Closing(others: [], sessions: [])
        var seen: Set<Int> = []
        for actor in actors {
            if case .roleSession(let arn) = actor, let number = index.targetGroups.roleNumbers[arn] {
                if seen.insert(number).inserted { closing.sessions.append(number) }
            } else {
                closing.others.append(actor)
            }
        }
        return fix(for: statement, closing: closing)
    }

    /// The same, for actors already split into role numbers and the rest.
    public func fix(for statement: StatementReference, closing: Closing) -> Fix? {
        guard !closing.isEmpty, let (role, trustStatement) = editableStatement(statement) else { return nil }
        var builder = FixBuilder(role: role, statement: statement)
        let actors = closing.others
        let strangers = actors.contains { if case .roleSession = $0 { true } else { false } }
        if !closing.sessions.isEmpty || strangers {
            restrictPrincipal(trustStatement, role: role, sessions: closing.sessions, strangers: strangers, into: &builder)
        } else if actors.contains(where: { ActorClass($0) == .outsider }) {
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
        if actors.contains(where: { ActorClass($0) == .service }) {
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
    /// account; otherwise allow only named principal ARNs. `strangers`: some sessions are of roles the snapshot does not
    /// hold (no account to judge, no name to give).
    private func restrictPrincipal(_ statement: Statement, role: Role, sessions: [Int], strangers: Bool,
                                   into builder: inout FixBuilder) {
        let callerAccounts = Set(sessions.compactMap { roleAccounts[$0] })
        let roots = (statement.principal?.aws ?? []).filter { value in
            if case .account(let id, _) = PrincipalReference(value) { return callerAccounts.contains(id) }
            return false
        }
        let rootAccounts = Set(roots.compactMap { PrincipalReference($0).account })
        let onlyRoots = !strangers && sessions.allSatisfy { roleAccounts[$0].map(rootAccounts.contains) ?? false }
        if !roots.isEmpty, onlyRoots, !(statement.principal?.everyone ?? false), !(statement.principal?.aws.contains("*") ?? false) {
            builder.replaceRoots(roots, partition: role.partition)
        } else {
            builder.restrictPrincipalARN(partition: role.partition, account: role.account)
        }
        // An organization-wide statement can let thousands of roles through: the first ones named, the rest counted, the
        // first found without sorting them all.
        let own = index.targetGroups.roleNumbers[role.arn]
        var first: [String] = []
        var count = 0
        for number in sessions where number != own && roleAccounts[number] != nil {
            count += 1
            let name = roleNames[number]
            guard first.count < Self.rolesNamed || name < (first.last ?? "") else { continue }
            first.insert(name, at: first.firstIndex { name < $0 } ?? first.endIndex)
            if first.count > Self.rolesNamed { first.removeLast() }
        }
        let more = count > Self.rolesNamed ? " and \(count - Self.rolesNamed) more" : ""
        builder.mention("do not allow these roles, which outside entries reach: " + first.joined(separator: ", ") + more)
    }
}
