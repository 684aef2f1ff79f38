/// An Amazon Resource Name split into its fields: `arn:partition:service:region:account:resource`.
public struct ARN: Sendable, Hashable, Codable, CustomStringConvertible {
    public var partition: String
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    /// Parses an ARN; nil when the text does not have the six fields.
    public init?(_ text: String) {
        // Every role, trust principal and policy of an export is parsed here, and a generic split was a tenth of
        // decoding: ASCII text (nearly every ARN) is cut at its first five colons on the UTF-8 view. Other text is
        // split by characters, as before, since a colon followed by a combining mark is not a separator there.
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty else { return nil }
            self.init(partition: String(parts[1]), service: String(parts[2]), region: String(parts[3]),
                      account: String(parts[4]), resource: String(parts[5]))
            return
        }
        let colon = UInt8(ascii: ":")
        func colonAfter(_ index: String.Index) -> String.Index? { utf8[utf8.index(after: index)...].firstIndex(of: colon) }
        guard let first = utf8.firstIndex(of: colon), let second = colonAfter(first), let third = colonAfter(second),
              let fourth = colonAfter(third), let fifth = colonAfter(fourth),
              utf8[..<first].elementsEqual("arn".utf8), utf8.index(after: first) < second else { return nil }
        self.init(partition: String(text[utf8.index(after: first)..<second]),
                  service: String(text[utf8.index(after: second)..<third]),
                  region: String(text[utf8.index(after: third)..<fourth]),
                  account: String(text[utf8.index(after: fourth)..<fifth]),
                  resource: String(text[utf8.index(after: fifth)...]))
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
