import TrustPathJSON
import TrustPathModel

/// What one CloudTrail record says about role assumption.
enum RecordReading: Equatable {
    /// A successful `AssumeRole*` call: who, which role, when.
    case assumption(Caller, role: String, time: String)
    /// An `AssumeRole*` call that failed (`errorCode`): no session was issued.
    case failed
    /// Any other event.
    case unrelated
    /// A record that cannot be read: what it lacks.
    case bad(String)
}

enum CloudTrailRecord {
    static let assumeEvents: Set<String> = ["AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"]

    static func read(_ record: JSONValue) -> RecordReading {
        guard case .object = record else { return .bad("a record is \(record.kindDescription), not an object") }
        guard case .string(let source)? = record["eventSource"], case .string(let name)? = record["eventName"] else {
            return .bad("the record has no eventSource or eventName string")
        }
        guard source == "sts.amazonaws.com", assumeEvents.contains(name) else { return .unrelated }
        if let error = record["errorCode"], error != .null { return .failed }
        guard case .string(let timeText)? = record["eventTime"], let time = UTCTimestamp.normalize(timeText) else {
            return .bad("\(name) without an ISO 8601 eventTime")
        }
        guard let request = record["requestParameters"], case .string(let role)? = request["roleArn"], role.hasPrefix("arn:") else {
            return .bad("\(name) without requestParameters.roleArn")
        }
        guard let identity = record["userIdentity"], case .object = identity else {
            return .bad("\(name) without a userIdentity object")
        }
        switch caller(identity, request: request) {
        case .success(let caller): return .assumption(caller, role: role, time: time)
        case .failure(let reason): return .bad("\(name): \(reason.text)")
        }
    }

    struct Reason: Error { let text: String }

    /// The caller as the analysis names it: see `Caller.Kind`.
    static func caller(_ identity: JSONValue, request: JSONValue) -> Result<Caller, Reason> {
        func string(_ value: JSONValue?) -> String? {
            if case .string(let text)? = value, !text.isEmpty { return text }
            return nil
        }
        let type = string(identity["type"]) ?? ""
        let account = string(identity["accountId"])
        switch type {
        case "AWSAccount", "Root":
            guard let account else { return .failure(Reason(text: "\(type) userIdentity without accountId")) }
            return .success(Caller(kind: .account, id: account, account: account))
        case "AssumedRole":
            let issuer = identity["sessionContext"]?["sessionIssuer"]
            if let arn = string(issuer?["arn"]) {
                return .success(Caller(kind: .roleSession, id: arn, account: string(issuer?["accountId"]) ?? ARN(arn)?.account ?? account))
            }
            // Without the issuer the session ARN still names the role, though not its path.
            if let sessionARN = string(identity["arn"]), let arn = ARN(sessionARN), arn.resource.hasPrefix("assumed-role/") {
                let roleName = arn.resource.dropFirst("assumed-role/".count).split(separator: "/").first.map(String.init) ?? ""
                let roleARN = "arn:\(arn.partition):iam::\(arn.account):role/\(roleName)"
                return .success(Caller(kind: .roleSession, id: roleARN, account: arn.account))
            }
            return .failure(Reason(text: "AssumedRole userIdentity without sessionContext.sessionIssuer.arn"))
        case "IAMUser", "FederatedUser":
            guard let arn = string(identity["arn"]) else { return .failure(Reason(text: "\(type) userIdentity without arn")) }
            return .success(Caller(kind: .user, id: arn, account: account ?? ARN(arn)?.account))
        case "WebIdentityUser":
            guard let provider = string(identity["identityProvider"]) else {
                return .failure(Reason(text: "WebIdentityUser without identityProvider"))
            }
            return .success(Caller(kind: .webIdentity, id: issuer(provider), account: nil))
        case "SAMLUser":
            // userIdentity.identityProvider is a hash of the signing key; the request names the provider ARN.
            guard let provider = string(request["principalArn"]) ?? string(identity["identityProvider"]) else {
                return .failure(Reason(text: "SAMLUser without requestParameters.principalArn"))
            }
            return .success(Caller(kind: .saml, id: provider, account: nil))
        case "AWSService":
            guard let service = string(identity["invokedBy"]) else {
                return .failure(Reason(text: "AWSService userIdentity without invokedBy"))
            }
            return .success(Caller(kind: .service, id: service, account: nil))
        case "":
            return .failure(Reason(text: "userIdentity without type"))
        default:
            return .failure(Reason(text: "userIdentity of type \(type), which cannot assume a role"))
        }
    }

    /// An OIDC provider as the analysis names it: the issuer's host and path, from a provider ARN
    /// (`arn:aws:iam::ID:oidc-provider/HOST/PATH`), a URL or a bare host.
    static func issuer(_ provider: String) -> String {
        var text = Substring(provider)
        if let arn = ARN(provider), arn.resource.hasPrefix("oidc-provider/") {
            text = Substring(arn.resource.dropFirst("oidc-provider/".count))
        }
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        while text.hasSuffix("/") { text = text.dropLast() }
        // Hosts are case-insensitive; paths are not.
        if let slash = text.firstIndex(of: "/") { return text[..<slash].lowercased() + text[slash...] }
        return text.lowercased()
    }
}
