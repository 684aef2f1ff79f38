import Foundation

/// A small deterministic random generator (SplitMix64), so generated tests repeat exactly.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Random organizations mixing every kind of trust the analysis knows, for property and closed-loop tests.
enum RandomWorld {
    static let members = ["111111111111", "222222222222", "333333333333"]
    static let outsiders = ["900000000001", "900000000002"]
    static let organization = "o-random0001"
    static let github = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"

    static func make(seed: UInt64, roles count: Int = 9) -> TestWorld {
        var random = SeededRandom(seed: seed)
        var world = TestWorld(organizationID: organization, members: members)
        var arns: [String] = []
        for index in 0..<count {
            let account = members[index % members.count]
            arns.append("arn:aws:iam::\(account):role/r\(index)")
        }
        for index in 0..<count {
            let account = members[index % members.count]
            let trustText = randomTrust(&random, account: account, roles: arns)
            let inline = randomPermissions(&random)
            world.roles.append(RoleSpec(name: "r\(index)", account: account, trust: trustText, inline: inline))
        }
        return world
    }

    static func randomTrust(_ random: inout SeededRandom, account: String, roles: [String]) -> String {
        let outsider = outsiders.randomElement(using: &random) ?? outsiders[0]
        let member = members.randomElement(using: &random) ?? members[0]
        let role = roles.randomElement(using: &random) ?? roles[0]
        switch Int.random(in: 0..<11, using: &random) {
        case 0: return trust("{\"AWS\": \"arn:aws:iam::\(outsider):root\"}")
        case 1: return trust("{\"AWS\": \"\(outsider)\"}", condition: #"{"StringEquals": {"sts:ExternalId": "secret"}}"#)
        case 2: return trust("{\"AWS\": \"*\"}", condition: "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"\(organization)\"}}")
        case 3: return trust("{\"AWS\": \"*\"}")
        case 4: return trust("{\"AWS\": \"arn:aws:iam::\(member):root\"}")
        case 5: return trust("{\"AWS\": \"\(role)\"}")
        case 6: return trust("{\"Service\": \"events.amazonaws.com\"}")
        case 7: return trust("{\"Service\": \"events.amazonaws.com\"}", condition: "{\"StringEquals\": {\"aws:SourceAccount\": \"\(account)\"}}")
        case 8: return trust("{\"Federated\": \"\(github)\"}", action: "sts:AssumeRoleWithWebIdentity")
        case 9: return trust("{\"AWS\": \"arn:aws:iam::\(outsider):root\"}", condition: #"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#)
        default: return trust("{\"Service\": \"lambda.amazonaws.com\"}")
        }
    }

    static func randomPermissions(_ random: inout SeededRandom) -> [String] {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return [adminPolicy]
        case 1: return [allow("sts:AssumeRole")]
        case 2: return [allow("sts:AssumeRole"), allow("s3:GetObject")]
        case 3: return [allow("s3:PutObject")]
        default: return []
        }
    }

    /// Random condition clauses, as `"Operator": {"key": "value"}` members.
    static let conditions = [
        #""StringEquals": {"sts:ExternalId": "abc"}"#,
        #""StringLike": {"sts:ExternalId": "*"}"#,
        #""StringEquals": {"aws:PrincipalOrgID": "o-random0001"}"#,
        #""Bool": {"aws:MultiFactorAuthPresent": "true"}"#,
        #""IpAddress": {"aws:SourceIp": "10.0.0.0/8"}"#,
        #""StringEquals": {"aws:SourceAccount": "111111111111"}"#,
        #""StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}"#,
        #""ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/r1"}"#,
        #""Null": {"aws:PrincipalTag/team": "false"}"#,
        #""StringNotEquals": {"aws:PrincipalAccount": "900000000001"}"#,
    ]
}
