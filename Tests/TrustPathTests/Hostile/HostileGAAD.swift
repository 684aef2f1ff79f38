import Foundation
import TrustPathIngest
import TrustPathJSON
import TrustPathModel

/// Small GAAD documents written for the hostile-input tests, and ways to break them.
enum HostileGAAD {
    static let account = "520388146927"

    /// A role trusted by `principal` (a JSON fragment), with an inline policy, in a GAAD file of `account`.
    static func role(_ name: String, principal: String = #"{"AWS": "*"}"#, condition: String? = nil,
                     account: String = account) -> String {
        let conditionPart = condition.map { #", "Condition": \#($0)"# } ?? ""
        return """
        {"RoleName": \(JSONWriter.quoted(name)), "RoleId": "AROAEXAMPLE\(name.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 1_000_000 })", "Path": "/",
         "Arn": \(JSONWriter.quoted("arn:aws:iam::\(account):role/\(name)")),
         "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
           {"Effect": "Allow", "Principal": \(principal), "Action": "sts:AssumeRole"\(conditionPart)}]},
         "RolePolicyList": [{"PolicyName": "write", "PolicyDocument": {"Version": "2012-10-17", "Statement":
           {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}}],
         "AttachedManagedPolicies": [], "Tags": [{"Key": "team", "Value": "data"}]}
        """
    }

    static func document(_ roles: [String]) -> String {
        #"{"UserDetailList": [], "GroupDetailList": [], "Policies": [], "RoleDetailList": ["# + roles.joined(separator: ",")
            + "]}"
    }

    static func load(_ files: [(String, String)]) -> Snapshot {
        SnapshotLoader().load(documents: files.map { ($0.0, Array($0.1.utf8)) })
    }

    /// Every path in a JSON value, with the value found there, parents before children.
    static func paths(_ value: JSONValue, _ path: [JSONPath.Component] = []) -> [([JSONPath.Component], JSONValue)] {
        var found = [(path, value)]
        switch value {
        case .object(let object):
            for member in object.members { found += paths(member.value, path + [.key(member.key)]) }
        case .array(let items):
            for (index, item) in items.enumerated() { found += paths(item, path + [.index(index)]) }
        default: break
        }
        return found
    }

    /// `value` with the node at `path` replaced.
    static func replacing(_ path: ArraySlice<JSONPath.Component>, in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard let step = path.first else { return replacement }
        switch (step, value) {
        case (.key(let key), .object(var object)):
            if let position = object.members.firstIndex(where: { $0.key == key }) {
                object.members[position].value = replacing(path.dropFirst(), in: object.members[position].value,
                                                           with: replacement)
            }
            return .object(object)
        case (.index(let index), .array(var items)) where items.indices.contains(index):
            items[index] = replacing(path.dropFirst(), in: items[index], with: replacement)
            return .array(items)
        default:
            return value
        }
    }

    /// A value of another JSON type than `value`, one per other type.
    static func wrongTypes(for value: JSONValue) -> [JSONValue] {
        let candidates: [JSONValue] = [.number("7"), .string("x"), .null, .array([]), .object(JSONObject()), .bool(true)]
        return candidates.filter { $0.kindDescription != value.kindDescription }
    }
}
