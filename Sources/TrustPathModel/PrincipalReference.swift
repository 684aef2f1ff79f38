/// What an `AWS` principal value in a policy refers to.
public enum PrincipalReference: Sendable, Hashable {
    /// `"*"`: every AWS principal.
    case anyone
    /// A bare account id or `arn:…:iam::ID:root`: the account's IAM users and roles (never a root session).
    case account(id: String, partition: String)
    /// A role ARN (with its path) or an IAM user ARN.
    case role(arn: String, account: String, partition: String, name: String)
    case user(arn: String, account: String, partition: String)
    /// `arn:…:sts::ID:assumed-role/NAME/SESSION`: sessions of that role, whose name the caller picks.
    case assumedRole(account: String, partition: String, roleName: String, session: String)
    /// Another ARN form (federated-user, …): matched literally, never by a role session.
    case otherARN(arn: String, account: String, partition: String)
    /// A unique id (`AROA…`, `AIDA…`): what IAM writes once the principal was deleted. Matches nothing.
    case uniqueID(String)
    /// Not a principal AWS would accept.
    case invalid(String)

    public init(_ text: String) {
        if text == "*" { self = .anyone; return }
        // A bare account id belongs to the partition of the policy that names it: partition "".
        if isAccountID(text) { self = .account(id: text, partition: ""); return }
        guard let arn = ARN(text) else {
            let prefixes = ["AROA", "AIDA", "AGPA", "ANPA", "ASIA", "AKIA"]
            self = prefixes.contains(where: text.hasPrefix) ? .uniqueID(text) : .invalid(text)
            return
        }
        // IAM and STS principals always live in an account; `arn:aws:iam::12:root` names none.
        guard isAccountID(arn.account) else { self = .invalid(text); return }
        switch (arn.service, arn.resourceType) {
        case ("iam", "root") where arn.resource == "root":
            self = .account(id: arn.account, partition: arn.partition)
        case ("iam", "role"):
            self = .role(arn: text, account: arn.account, partition: arn.partition, name: arn.resourceName)
        case ("iam", "user"):
            self = .user(arn: text, account: arn.account, partition: arn.partition)
        case ("sts", "assumed-role"):
            let parts = arn.resource.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3 {
                self = .assumedRole(account: arn.account, partition: arn.partition, roleName: String(parts[1]),
                                    session: String(parts[2]))
            } else {
                self = .otherARN(arn: text, account: arn.account, partition: arn.partition)
            }
        default:
            self = .otherARN(arn: text, account: arn.account, partition: arn.partition)
        }
    }

    /// The account the principal lives in, when it names one.
    public var account: String? {
        switch self {
        case .account(let id, _): id
        case .role(_, let account, _, _), .user(_, let account, _), .assumedRole(let account, _, _, _),
             .otherARN(_, let account, _): account
        case .anyone, .uniqueID, .invalid: nil
        }
    }

    public var partition: String? {
        switch self {
        case .account(_, let partition), .role(_, _, let partition, _), .user(_, _, let partition),
             .assumedRole(_, let partition, _, _), .otherARN(_, _, let partition): partition
        case .anyone, .uniqueID, .invalid: nil
        }
    }
}
