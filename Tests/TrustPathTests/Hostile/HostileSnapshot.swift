import Foundation

/// A snapshot directory written to disk whose every string that reaches an output carries hostile payloads: role
/// names and paths, user names, tags, an OIDC host and `sub` claim, a SAML provider, statement Sids, account names,
/// vendor names and sources, crown-jewel and accepted-risk text, and the file names themselves.
/// The JSON is written by Foundation, so the test's input does not depend on the escaping it tests.
enum HostileSnapshot {
    static let organization = "o-h0st1le0rg"
    static let management = "401135408972"
    static let member = "520388146927"
    static let vendor = "283745091623"

    /// Everything at once: ANSI CSI and OSC 8, C1 CSI, bidi override, zero-width space, HTML and CSS breakers,
    /// Markdown backticks and pipes, shell substitutions, a newline, `../` and a leading `-` in front of the rest.
    static let payload = "\u{1B}[31mRED\u{1B}]8;;http://x\u{07}\u{9B}2J\u{202E}rtl\u{200B}zw<script>x</script>\"'><img onerror=x>"
        + "</style>`id`|pipe|$(touch PWNED); rm -rf /\nline2../../"
    /// The payload with NUL, for fields JSON carries but no role name or file name can (tags, Sids, account names).
    static let payloadWithNUL = payload + "\u{0}nul"

    static func named(_ label: String) -> String { "-\(label)" + payload }

    static let vendorRole = named("vendor-door")
    static let oidcRole = named("oidc-door")
    static let samlRole = named("saml-door")
    static let innerRole = named("inner")
    static let userName = named("user")
    static let rolePath = "/-p" + payload.replacingOccurrences(of: "\n", with: "_") + "/../../"
    static let oidcHost = "token.actions.githubusercontent.com\u{1B}[1m<b>`x`|$(touch PWNED)"
    static let oidcSub = "repo:" + payload + ":*"
    static let samlProvider = "-saml" + payload.replacingOccurrences(of: "/", with: "_")
    static let sid = "Sid" + payloadWithNUL
    static let vendorName = "-Vendor" + payload
    static let vendorSource = "https://x/" + payload
    static let reason = "-reason" + payload

    /// A file name the file system accepts (no `/`, no NUL) that is otherwise as hostile as the payload.
    static let fileNamePart = "-\u{1B}[31m<b>`id`|$(touch PWNED);\u{202E}\u{200B}\n'\""

    static func roleARN(_ name: String, path: String = "/") -> String { "arn:aws:iam::\(member):role\(path)\(name)" }

    /// Writes the snapshot files into `directory`.
    static func write(into directory: URL) throws {
        let admin: [String: Any] = ["Version": "2012-10-17", "Statement": [
            ["Sid": sid, "Effect": "Allow", "Action": "*", "Resource": "*"]]]
        let tags: [[String: Any]] = [["Key": "tag" + payloadWithNUL, "Value": "value" + payloadWithNUL]]
        func role(_ name: String, path: String = "/", statement: [String: Any]) -> [String: Any] {
            var trust = statement
            trust["Sid"] = sid
            return ["RoleName": name, "RoleId": "AROA\(name.utf8.reduce(7) { ($0 &* 31 &+ Int($1)) % 1_000_000_007 })", "Path": path,
                    "Arn": roleARN(name, path: path), "CreateDate": "2024-01-01T00:00:00+00:00",
                    "AssumeRolePolicyDocument": ["Version": "2012-10-17", "Statement": [trust]],
                    "RolePolicyList": [["PolicyName": "inline" + payload, "PolicyDocument": admin]],
                    "AttachedManagedPolicies": [], "InstanceProfileList": [], "Tags": tags,
                    "RoleLastUsed": ["LastUsedDate": "2026-01-02T03:04:05+00:00", "Region": "us-east-1" + payload]]
        }
        let roles: [[String: Any]] = [
            role(vendorRole, path: rolePath, statement: ["Effect": "Allow", "Principal": ["AWS": "arn:aws:iam::\(vendor):root"],
                                                         "Action": "sts:AssumeRole"]),
            role(oidcRole, statement: ["Effect": "Allow",
                                       "Principal": ["Federated": "arn:aws:iam::\(member):oidc-provider/\(oidcHost)"],
                                       "Action": "sts:AssumeRoleWithWebIdentity",
                                       "Condition": ["StringLike": ["\(oidcHost):sub": oidcSub]]]),
            role(samlRole, statement: ["Effect": "Allow",
                                       "Principal": ["Federated": "arn:aws:iam::\(member):saml-provider/\(samlProvider)"],
                                       "Action": "sts:AssumeRoleWithSAML",
                                       "Condition": ["StringEquals": ["SAML:aud": "https://signin.aws.amazon.com/saml"]]]),
            role(innerRole, statement: ["Effect": "Allow", "Principal": ["AWS": roleARN(vendorRole, path: rolePath)],
                                        "Action": "sts:AssumeRole"]),
        ]
        let users: [[String: Any]] = [[
            "UserName": userName, "UserId": "AIDAHOSTILE", "Path": "/", "Arn": "arn:aws:iam::\(member):user/\(userName)",
            "CreateDate": "2024-01-01T00:00:00+00:00", "GroupList": [], "AttachedManagedPolicies": [], "Tags": tags,
            "UserPolicyList": [["PolicyName": "assume" + payload, "PolicyDocument": [
                "Version": "2012-10-17", "Statement": [["Sid": sid, "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"]]]]],
        ]]
        let gaad: [String: Any] = ["UserDetailList": users, "GroupDetailList": [], "RoleDetailList": roles, "Policies": []]
        let empty: [String: Any] = ["UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": []]
        let accounts: [String: Any] = ["Accounts": [management, member].map { id in
            ["Id": id, "Arn": "arn:aws:organizations::\(management):account/\(organization)/\(id)",
             "Email": "a@example.com", "Name": "acct" + payloadWithNUL, "Status": "ACTIVE"] as [String: Any]
        }]
        let describe: [String: Any] = ["Organization": [
            "Id": organization, "Arn": "arn:aws:organizations::\(management):organization/\(organization)",
            "FeatureSet": "ALL", "MasterAccountId": management,
            "MasterAccountArn": "arn:aws:organizations::\(management):account/\(organization)/\(management)"]]
        try json(gaad, to: directory.appendingPathComponent("gaad-\(member)\(fileNamePart).json"))
        try json(empty, to: directory.appendingPathComponent("gaad-\(management)\(fileNamePart)mgmt.json"))
        try json(accounts, to: directory.appendingPathComponent("organizations-list-accounts\(fileNamePart).json"))
        try json(describe, to: directory.appendingPathComponent("organizations-describe-organization.json"))
        try Data(projectFile.utf8).write(to: directory.appendingPathComponent("trustpath.yml"))
    }

    /// The project file: vendor name and source, a crown jewel by tag, an accepted risk with a hostile reason.
    static var projectFile: String {
        """
        version: 1
        vendors:
          "\(vendor)": {name: \(yaml(vendorName)), source: \(yaml(vendorSource))}
        crown-jewels:
          - tag: {key: \(yaml("tag" + payload))}
          - role: \(yaml("arn:aws:iam::*:role/*" + "inner*"))
        accepted-risks:
          - {entry: "\(vendor)", target: \(yaml(roleARN(innerRole))), reason: \(yaml(reason)), expires: "2099-01-01"}

        """
    }

    /// A CloudFormation template for `check`: a role whose logical id, name, path and Sid carry the payload.
    static var template: String {
        let document: [String: Any] = ["Resources": [
            "Hostile": ["Type": "AWS::IAM::Role", "Properties": [
                "RoleName": named("cfn"), "Path": "/",
                "AssumeRolePolicyDocument": ["Version": "2012-10-17", "Statement": [
                    ["Sid": sid, "Effect": "Allow", "Principal": ["AWS": "*"], "Action": "sts:AssumeRole"]]],
            ]],
        ]]
        return (try? String(decoding: JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)) ?? ""
    }

    /// A YAML double-quoted scalar: printable ASCII as it is, everything else as `\\uXXXX` / `\\UXXXXXXXX`.
    static func yaml(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x20, scalar.value < 0x7F, scalar != "\"", scalar != "\\" {
                result.unicodeScalars.append(scalar)
            } else if scalar.value <= 0xFFFF {
                result += "\\u" + String(format: "%04X", scalar.value)
            } else {
                result += "\\U" + String(format: "%08X", scalar.value)
            }
        }
        return result + "\""
    }

    private static func json(_ value: Any, to url: URL) throws {
        try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }
}
