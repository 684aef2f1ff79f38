import TrustPathModel

/// How a trust statement's principal covers an actor.
enum PrincipalMatch: Sendable, Hashable {
    /// `"*"`.
    case anyone
    /// The actor's account (root ARN or bare id): the account's own IAM decides who may call.
    case account(String)
    /// The actor's own ARN (role ARN, or an assumed-role session ARN of it).
    case exact(String)
    /// A principal inside an external account the attacker controls.
    case insideAccount(String)
    case service(String)
    case federated(String)

    var description: String {
        switch self {
        case .anyone: "*"
        case .account(let value), .exact(let value), .insideAccount(let value), .service(let value), .federated(let value):
            value
        }
    }
}

enum PrincipalMatching {
    /// The first way `principal` covers `actor`, or nil. `partition` is the target role's partition: principals never
    /// cross partitions.
    static func match(_ principal: PrincipalSet, actor: Actor, partition: String, index: SnapshotIndex) -> PrincipalMatch? {
        switch actor {
        case .service(let name):
            return principal.service.first { $0.lowercased() == name.lowercased() }.map { .service($0) }
        case .federated(let provider):
            let id = FederatedProvider.entryID(of: provider)
            return principal.federated.first { FederatedProvider.entryID(of: $0) == id }.map { .federated($0) }
        case .anyone, .externalAccount, .roleSession:
            if principal.everyone { return .anyone }
            for value in principal.aws {
                if let match = match(PrincipalReference(value), raw: value, actor: actor, partition: partition, index: index) {
                    return match
                }
            }
            return nil
        }
    }

    private static func match(_ reference: PrincipalReference, raw: String, actor: Actor, partition: String,
                              index: SnapshotIndex) -> PrincipalMatch? {
        if case .anyone = reference { return .anyone }
        if let principalPartition = reference.partition, !principalPartition.isEmpty, principalPartition != partition {
            return nil
        }
        switch actor {
        case .anyone:
            return nil
        case .externalAccount(let account):
            guard reference.account == account else { return nil }
            if case .account = reference { return .account(raw) }
            return .insideAccount(raw)
        case .roleSession(let arn):
            guard let role = index.rolesByARN[arn], role.partition == partition else { return nil }
            switch reference {
            case .account(let id, _) where id == role.account: return .account(raw)
            case .role(let principalARN, _, _, _) where principalARN == role.arn: return .exact(raw)
            case .assumedRole(let account, _, let roleName, _) where account == role.account && roleName == role.name:
                return .exact(raw)
            default: return nil
            }
        case .service, .federated:
            return nil
        }
    }
}
