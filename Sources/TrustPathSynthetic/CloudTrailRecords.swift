/// CloudTrail records in the shape AWS documents (eventVersion 1.08 management events), written as text:
/// a month of logs is gigabytes once inflated.
struct CloudTrailRecordWriter {
    let account: String
    let region: String
    var random: SplitMix64

    /// The kinds of record a workload account's trail holds, weighted per 1,000: mostly other services' calls,
    /// then role sessions chaining, services assuming their roles, CI and SSO federation, and a few outsiders.
    enum Kind: CaseIterable {
        case unrelated, chained, hub, service, webIdentity, saml, vendor, partner, denied

        var weight: Int {
            switch self {
            case .unrelated: 700
            case .chained: 90
            case .hub: 50
            case .service: 60
            case .webIdentity: 40
            case .saml: 20
            case .vendor: 25
            case .partner: 5
            case .denied: 10
            }
        }
    }

    mutating func record(at time: String, shape: OrganizationShape) -> String {
        let kind = random.weighted(Kind.allCases.map { ($0.weight, $0) })
        let app = "arn:aws:iam::\(account):role/app-\(String(Int.random(in: 0..<10, using: &random)).padded(4))"
        switch kind {
        case .unrelated:
            return unrelated(at: time)
        case .chained:
            let from = "arn:aws:iam::\(account):role/operator-\(String(Int.random(in: 0..<3, using: &random)).padded(4))"
            return assume("AssumeRole", identity: session(of: from), role: app, time: time)
        case .hub:
            let deployer = "arn:aws:iam::\(shape.hubAccount):role/deployer-\(Int.random(in: 0..<4, using: &random))"
            return assume("AssumeRole", identity: session(of: deployer),
                          role: "arn:aws:iam::\(account):role/hub-access-\(String(Int.random(in: 0..<4, using: &random)).padded(4))",
                          time: time)
        case .service:
            let service = ["lambda.amazonaws.com", "ecs-tasks.amazonaws.com", "events.amazonaws.com"][Int.random(in: 0..<3, using: &random)]
            return assume("AssumeRole", identity: #"{"type":"AWSService","invokedBy":"\#(service)"}"#,
                          role: "arn:aws:iam::\(account):role/service-role/app-\(service.prefix(6))-0001", time: time,
                          sourceIP: service)
        case .webIdentity:
            let repository = "synthetic-org/service-\(Int.random(in: 0..<50, using: &random))"
            let identity = #"{"type":"WebIdentityUser","principalId":"arn:aws:iam::\#(account):oidc-provider/token.actions.githubusercontent.com:sts.amazonaws.com:repo:\#(repository):ref:refs/heads/main","userName":"repo:\#(repository):ref:refs/heads/main","identityProvider":"arn:aws:iam::\#(account):oidc-provider/token.actions.githubusercontent.com"}"#
            return assume("AssumeRoleWithWebIdentity", identity: identity,
                          role: "arn:aws:iam::\(account):role/ci-\(String(Int.random(in: 0..<20, using: &random)).padded(4))", time: time)
        case .saml:
            let user = "user\(Int.random(in: 0..<500, using: &random))@synthetic.example"
            let identity = #"{"type":"SAMLUser","principalId":"c2FtbGhhc2hleGFtcGxl:\#(user)","userName":"\#(user)","identityProvider":"c2FtbGhhc2hleGFtcGxl"}"#
            return assume("AssumeRoleWithSAML", identity: identity,
                          role: "arn:aws:iam::\(account):role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnly_0123456789abcdef",
                          time: time, extraRequest: #","principalArn":"arn:aws:iam::\#(account):saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE""#)
        case .vendor, .partner, .denied:
            let outsiders = kind == .partner ? OutsideAccounts.partners : OutsideAccounts.vendors
            let outsider = outsiders[Int.random(in: 0..<outsiders.count, using: &random)]
            let identity = #"{"type":"AWSAccount","principalId":"AROA\#(outsider)EXAMPLE:session","accountId":"\#(outsider)"}"#
            let role = "arn:aws:iam::\(account):role/\(kind == .partner ? "partner-share" : "vendor-\(outsider.suffix(4))")-0001"
            return assume("AssumeRole", identity: identity, role: role, time: time, errorCode: kind == .denied ? "AccessDenied" : nil)
        }
    }

    private mutating func session(of roleARN: String) -> String {
        let roleAccount = roleARN.split(separator: ":", omittingEmptySubsequences: false)[4]
        let name = roleARN.split(separator: "/").last ?? ""
        let sessionName = "session-\(random.next() % 100_000)"
        let id = "AROA" + identifier(17)
        return #"{"type":"AssumedRole","principalId":"\#(id):\#(sessionName)","arn":"arn:aws:sts::\#(roleAccount):assumed-role/\#(name)/\#(sessionName)","accountId":"\#(roleAccount)","accessKeyId":"ASIA\#(identifier(16))","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"\#(id)","arn":"\#(roleARN)","accountId":"\#(roleAccount)","userName":"\#(name)"},"webIdFederationData":{},"attributes":{"creationDate":"2026-11-01T00:00:00Z","mfaAuthenticated":"false"}}}"#
    }

    private mutating func assume(_ event: String, identity: String, role: String, time: String, errorCode: String? = nil,
                                 extraRequest: String = "", sourceIP: String = "198.51.100.23") -> String {
        let error = errorCode.map { #""errorCode":"\#($0)","errorMessage":"User is not authorized to perform: sts:AssumeRole on resource: \#(role)","# } ?? ""
        let response = errorCode != nil ? "null"
            : #"{"credentials":{"accessKeyId":"ASIA\#(identifier(16))","sessionToken":"IQoJb3JpZ2luX2VjE\#(identifier(40))","expiration":"Nov 30, 2026, 11:00:00 PM"},"assumedRoleUser":{"assumedRoleId":"AROA\#(identifier(17)):s","arn":"arn:aws:sts::\#(account):assumed-role/\#(role.split(separator: "/").last ?? "")/s"}}"#
        return #"{"eventVersion":"1.08","userIdentity":\#(identity),"eventTime":"\#(time)","eventSource":"sts.amazonaws.com","eventName":"\#(event)","awsRegion":"\#(region)","sourceIPAddress":"\#(sourceIP)","userAgent":"aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 api/sts#1.30.3",\#(error)"requestParameters":{"roleArn":"\#(role)","roleSessionName":"s","durationSeconds":3600\#(extraRequest)},"responseElements":\#(response),"requestID":"\#(uuid())","eventID":"\#(uuid())","readOnly":true,"resources":[{"accountId":"\#(account)","type":"AWS::IAM::Role","ARN":"\#(role)"}],"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"\#(account)","eventCategory":"Management","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"sts.\#(region).amazonaws.com"}}"#
    }

    private mutating func unrelated(at time: String) -> String {
        let calls = [("ec2.amazonaws.com", "DescribeInstances", #"{"instancesSet":{},"filterSet":{}}"#),
                     ("kms.amazonaws.com", "Decrypt", #"{"encryptionAlgorithm":"SYMMETRIC_DEFAULT"}"#),
                     ("logs.amazonaws.com", "CreateLogStream", #"{"logGroupName":"/aws/lambda/app","logStreamName":"2026/11/01/[$LATEST]0f"}"#),
                     ("iam.amazonaws.com", "GetRole", #"{"roleName":"app-0001"}"#),
                     ("sts.amazonaws.com", "GetCallerIdentity", "null"),
                     ("s3.amazonaws.com", "ListBuckets", #"{"Host":"s3.amazonaws.com"}"#)]
        let (source, name, request) = calls[Int.random(in: 0..<calls.count, using: &random)]
        let caller = session(of: "arn:aws:iam::\(account):role/app-\(String(Int.random(in: 0..<10, using: &random)).padded(4))")
        return #"{"eventVersion":"1.08","userIdentity":\#(caller),"eventTime":"\#(time)","eventSource":"\#(source)","eventName":"\#(name)","awsRegion":"\#(region)","sourceIPAddress":"10.0.\#(random.next() % 250).\#(random.next() % 250)","userAgent":"aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64","requestParameters":\#(request),"responseElements":null,"requestID":"\#(uuid())","eventID":"\#(uuid())","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"\#(account)","eventCategory":"Management"}"#
    }

    private mutating func identifier(_ length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        return String((0..<length).map { _ in alphabet[Int(random.next() % 32)] })
    }

    private mutating func uuid() -> String {
        let hex = String(random.next(), radix: 16).padded(16) + String(random.next(), radix: 16).padded(16)
        let characters = Array(hex)
        return "\(String(characters[0..<8]))-\(String(characters[8..<12]))-\(String(characters[12..<16]))-"
            + "\(String(characters[16..<20]))-\(String(characters[20..<32]))"
    }
}
