/// An Amazon Resource Name split into its fields: `arn:partition:service:region:account:resource`.
public struct ARN: Sendable, Hashable, Codable, CustomStringConvertible {
    public var partition: String
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    /// Parses an ARN; nil when the text does not have the six fields.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    public init(partition: String, service: String, region: String = "", account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    /// `arn:PARTITION:iam::ACCOUNT:root`, the account principal.
    public static func accountRoot(_ account: String, partition: String = "aws") -> ARN {
        ARN(partition: partition, service: "iam", account: account, resource: "root")
    }

    /// The last path segment of the resource (`role/path/name` → `name`).
    public var resourceName: String {
        String(resource.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(resource))
    }

    /// The resource type (`role/path/name` → `role`).
    public var resourceType: String {
        String(resource.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}

/// Account ids are twelve decimal digits.
public func isAccountID(_ text: String) -> Bool {
    text.utf8.count == 12 && text.utf8.allSatisfy { (48...57).contains($0) }
}
