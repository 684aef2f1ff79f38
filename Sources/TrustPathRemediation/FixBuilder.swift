import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// Accumulates the changes of one fix and words its summary.
struct FixBuilder {
    let role: Role
    let statement: StatementReference
    var kinds: [FixKind] = []
    var additions: [ConditionAddition] = []
    var removals: [String] = []
    var replacements: [PrincipalReplacement] = []
    var split: [String] = []
    var placeholders: [String] = []
    var sentences: [String] = []

    init(role: Role, statement: StatementReference) {
        self.role = role
        self.statement = statement
    }

    /// Moves these AWS principal values into their own statement, which the conditions then apply to.
    mutating func splitOut(_ principals: [String]) {
        split = principals
        sentences.append("move " + principals.map { "\"\($0)\"" }.joined(separator: ", ")
            + " into a statement of its own, so the statement's other principals keep working, and give that statement the condition")
    }

    mutating func addExternalID(weak: Bool, vendors: [String] = []) {
        kinds.append(.addExternalID)
        if weak { removals.append("sts:ExternalId") }
        additions.append(ConditionAddition(op: "StringEquals", key: "sts:ExternalId", values: [Placeholder.externalID]))
        placeholders.append(Placeholder.externalID)
        let issuer = vendors.isEmpty ? "the vendor" : vendors.joined(separator: " and ")
        sentences.append((weak ? "replace the weak sts:ExternalId condition with" : "add")
            + " StringEquals sts:ExternalId set to the value \(issuer) issued to you (never a value you make up)"
            + (vendors.isEmpty ? "" : ": \(issuer) serves many customers, and without it any of them can have \(issuer) "
                + "assume this role (the confused deputy)"))
    }

    mutating func addPrincipalOrgID(_ organization: String?) {
        kinds.append(.addPrincipalOrgID)
        let value = organization ?? Placeholder.organizationID
        if organization == nil { placeholders.append(value) }
        additions.append(ConditionAddition(op: "StringEquals", key: "aws:PrincipalOrgID", values: [value]))
        sentences.append("add StringEquals aws:PrincipalOrgID \"\(value)\" so only principals of your organization match")
    }

    mutating func addSourceConditions(services: [String]) {
        kinds.append(.addSourceConditions)
        additions.append(ConditionAddition(op: "StringEquals", key: "aws:SourceAccount", values: [role.account]))
        let arns = Set(services.map { service in
            let prefix = service.split(separator: ".").first.map(String.init) ?? service
            return "arn:\(role.partition):\(prefix):*:\(role.account):*"
        }).sorted()
        additions.append(ConditionAddition(op: "ArnLike", key: "aws:SourceArn", values: arns))
        sentences.append("add StringEquals aws:SourceAccount \"\(role.account)\" and ArnLike aws:SourceArn "
            + arns.map { "\"\($0)\"" }.joined(separator: ", ") + " (narrow the ARN to the exact resource if you can)")
    }

    mutating func pinSubject(_ provider: FederatedProvider) {
        kinds.append(.pinSubject)
        let key = provider.pinningKeys[0]
        let value: String
        switch provider.kind {
        case .cognito: value = Placeholder.identityPool
        case .oidc where provider.keyPrefix == "token.actions.githubusercontent.com": value = Placeholder.githubSubject
        default: value = Placeholder.subject
        }
        removals.append(key)
        additions.append(ConditionAddition(op: provider.kind == .cognito ? "StringEquals" : "StringLike", key: key, values: [value]))
        placeholders.append(value)
        sentences.append("pin \(key) to the subjects that may use the role (\"\(value)\")")
    }

    mutating func replaceRoots(_ roots: [String], partition: String) {
        kinds.append(.replaceAccountRoot)
        for root in roots {
            let account = PrincipalReference(root).account ?? root
            let replacement = "arn:\(partition):iam::\(account):role/\(Placeholder.allowedRole)"
            replacements.append(PrincipalReplacement(from: root, to: replacement))
            placeholders.append(replacement)
        }
        sentences.append("replace the account principal " + roots.map { "\"\($0)\"" }.joined(separator: ", ")
            + " with the ARN of the one role that needs access")
    }

    mutating func restrictPrincipalARN(partition: String, account: String) {
        kinds.append(.restrictPrincipalARN)
        let value = "arn:\(partition):iam::\(account):role/\(Placeholder.allowedRole)"
        additions.append(ConditionAddition(op: "ArnEquals", key: "aws:PrincipalArn", values: [value]))
        placeholders.append(value)
        sentences.append("add ArnEquals aws:PrincipalArn listing only the role ARNs that need access")
    }

    func build() -> Fix? {
        guard !kinds.isEmpty else { return nil }
        let kindList = kinds.map(\.rawValue).joined(separator: "+")
        var fix = Fix(id: "\(role.arn)#\(statement.index):\(kindList)", kinds: kinds, role: role.arn, roleName: role.name,
                   statement: statement,
                   summary: "In the trust policy of \(role.name), statement \(statement.index)"
                       + (statement.sid.map { " (\($0))" } ?? "") + ": " + sentences.joined(separator: "; ") + ".",
                   addConditions: additions, removeConditionKeys: removals, replacePrincipals: replacements,
                   placeholders: placeholders)
        fix.splitPrincipals = split
        return fix
    }

    mutating func mention(_ sentence: String) { sentences.append(sentence) }
}
