import Foundation
import TrustPathSynthetic

/// CloudTrail records written as AWS documents them (CloudTrail record contents, the userIdentity element), and a
/// trail laid out as S3 delivers it.
enum CloudTrailFixtures {
    static let outside = "307946673750"
    static let member = "111122223333"
    static let member2 = "444455556666"

    static func role(_ account: String, _ name: String) -> String { "arn:aws:iam::\(account):role/\(name)" }

    static func accountIdentity(_ account: String) -> String {
        #"{"type": "AWSAccount", "principalId": "AIDAQRSTUVWXYZEXAMPLE", "accountId": "\#(account)"}"#
    }

    static func sessionIdentity(_ roleARN: String, session: String = "build-42") -> String {
        let account = roleARN.split(separator: ":", omittingEmptySubsequences: false)[4]
        let name = roleARN.split(separator: "/").last ?? ""
        return """
        {"type": "AssumedRole", "principalId": "AROAEXAMPLEID1234567:\(session)",
         "arn": "arn:aws:sts::\(account):assumed-role/\(name)/\(session)", "accountId": "\(account)",
         "accessKeyId": "ASIAEXAMPLEKEY123456",
         "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEID1234567", "arn": "\(roleARN)",
                                              "accountId": "\(account)", "userName": "\(name)"},
                            "webIdFederationData": {},
                            "attributes": {"creationDate": "2026-11-01T08:00:00Z", "mfaAuthenticated": "false"}}}
        """
    }

    static func userIdentity(_ account: String, _ name: String) -> String {
        #"{"type": "IAMUser", "principalId": "AIDAEXAMPLEUSER12345", "arn": "arn:aws:iam::\#(account):user/\#(name)", "accountId": "\#(account)", "accessKeyId": "AKIAEXAMPLEKEY123456", "userName": "\#(name)"}"#
    }

    static func webIdentity(_ provider: String) -> String {
        #"{"type": "WebIdentityUser", "principalId": "\#(provider):sts.amazonaws.com:repo:acme/app:ref:refs/heads/main", "userName": "repo:acme/app:ref:refs/heads/main", "identityProvider": "\#(provider)"}"#
    }

    static let samlIdentity =
        #"{"type": "SAMLUser", "principalId": "SampleUkh1i4+ExamplexL/jEvs=:alice@example.com", "userName": "alice@example.com", "identityProvider": "bdGOnTesti4+ExamplexL/jEvs="}"#

    /// One STS record. `extraRequest` adds request parameters (`"principalArn": "…"`).
    static func assume(_ event: String = "AssumeRole", identity: String, role: String, time: String,
                       errorCode: String? = nil, extraRequest: String = "", region: String = "us-east-1") -> String {
        let error = errorCode.map { #""errorCode": "\#($0)", "errorMessage": "not authorized to perform: sts:\#(event)","# } ?? ""
        let extra = extraRequest.isEmpty ? "" : ", " + extraRequest
        let response = errorCode == nil
            ? #"{"credentials": {"accessKeyId": "ASIAEXAMPLEKEY999999", "sessionToken": "IQoJb3JpZ2luX2VjEXAMPLE", "expiration": "Nov 30, 2026, 9:00:00 PM"}, "assumedRoleUser": {"assumedRoleId": "AROAEXAMPLEID7654321:s", "arn": "arn:aws:sts::0:assumed-role/x/s"}}"#
            : "null"
        return """
        {"eventVersion": "1.08", "userIdentity": \(identity), "eventTime": "\(time)", "eventSource": "sts.amazonaws.com",
         "eventName": "\(event)", "awsRegion": "\(region)", "sourceIPAddress": "203.0.113.10", "userAgent": "aws-cli/2.15.0",
         \(error)
         "requestParameters": {"roleArn": "\(role)", "roleSessionName": "s", "durationSeconds": 3600\(extra)},
         "responseElements": \(response),
         "requestID": "0f1b2c3d-1111-2222-3333-444455556666", "eventID": "9a8b7c6d-aaaa-bbbb-cccc-ddddeeeeffff",
         "readOnly": true, "resources": [{"accountId": "\(role.split(separator: ":", omittingEmptySubsequences: false)[4])", "type": "AWS::IAM::Role", "ARN": "\(role)"}],
         "eventType": "AwsApiCall", "managementEvent": true, "recipientAccountId": "\(role.split(separator: ":", omittingEmptySubsequences: false)[4])",
         "eventCategory": "Management"}
        """
    }

    /// An event of another service, which the index ignores.
    static func unrelated(time: String) -> String {
        """
        {"eventVersion": "1.08", "userIdentity": \(userIdentity(member, "alice")), "eventTime": "\(time)",
         "eventSource": "s3.amazonaws.com", "eventName": "ListBuckets", "awsRegion": "us-east-1",
         "sourceIPAddress": "203.0.113.10", "userAgent": "aws-cli/2.15.0", "requestParameters": null,
         "responseElements": null, "eventType": "AwsApiCall", "recipientAccountId": "\(member)"}
        """
    }

    static func logFile(_ records: [String]) -> [UInt8] { Array(#"{"Records": [\#(records.joined(separator: ",\n"))]}"#.utf8) }

    /// `AWSLogs/ACCOUNT/CloudTrail/us-east-1/2026/11/DD/ACCOUNT_CloudTrail_us-east-1_2026…Z_XXXX.json.gz`.
    static func logPath(account: String, day: Int, serial: Int, gzip: Bool = true) -> String {
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "AWSLogs/\(account)/CloudTrail/us-east-1/2026/11/\(dd)/\(account)_CloudTrail_us-east-1_202611\(dd)T0\(serial)05Z_Ab\(serial)Cd."
            + (gzip ? "json.gz" : "json")
    }

    /// A new temporary directory holding `files` (relative path → bytes); removed by the caller.
    static func directory(_ files: [(String, [UInt8])]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trustpath-cloudtrail-\(UUID().uuidString)")
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    static func gzip(_ bytes: [UInt8]) -> [UInt8] { Gzip.compress(bytes) ?? [] }
}
