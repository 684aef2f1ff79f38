import Foundation
import TrustPathJSON

/// `collection.json`: when the files were collected, as whom, and which accounts were read or missed and why.
public struct CollectionManifest: Sendable, Equatable {
    /// The top-level key that marks the manifest (its value is the format version).
    public static let marker = "TrustPathCollection"
    public static let fileName = "collection.json"

    /// An account whose export is in the directory.
    public struct ReadAccount: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var file: String
        /// "the caller's credentials" or the assumed role's ARN.
        public var via: String
        public var collectedAt: Date
        /// True when an earlier run wrote the file and this one kept it.
        public var kept: Bool
    }

    /// An account (or a part of the organization's data) that could not be read.
    public struct Missing: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var reason: String
    }

    public var startedAt: Date
    public var finishedAt: Date
    public var caller: String
    public var callerAccount: String
    public var awsCLI: String
    public var roleName: String
    public var organizationID: String?
    public var read: [ReadAccount]
    public var missing: [Missing]
    public var excluded: [String]
    /// Organizations calls that failed (their data is missing from the directory).
    public var organizationFailures: [String]
    /// The organization files written or kept, relative to the directory.
    public var organizationFiles: [String]
    /// Files of an earlier collection in the directory that this one did not write or keep (an account no
    /// longer selected, a deleted policy or OU): `analyze` still reads them.
    public var leftFromEarlierRuns: [String] = []

    /// True when every account asked for was read and no organization data is missing.
    public var isComplete: Bool { missing.isEmpty && organizationFailures.isEmpty }

    public func json() -> String {
        let readList: [JSONValue] = read.map { account in
            .object(JSONObject([
                ("AccountId", .string(account.id)), ("Name", account.name.map(JSONValue.string) ?? .null),
                ("File", .string(account.file)), ("Via", .string(account.via)),
                ("CollectedAt", .string(Self.timestamp(account.collectedAt))),
                ("KeptFromEarlierRun", .bool(account.kept)),
            ]))
        }
        let missingList: [JSONValue] = missing.map { account in
            .object(JSONObject([
                ("AccountId", .string(account.id)), ("Name", account.name.map(JSONValue.string) ?? .null),
                ("Reason", .string(account.reason)),
            ]))
        }
        let root = JSONObject([
            (Self.marker, .number("1")),
            ("StartedAt", .string(Self.timestamp(startedAt))),
            ("FinishedAt", .string(Self.timestamp(finishedAt))),
            ("Caller", .string(caller)),
            ("CallerAccount", .string(callerAccount)),
            ("AWSCLI", .string(awsCLI)),
            ("RoleName", .string(roleName)),
            ("OrganizationId", organizationID.map(JSONValue.string) ?? .null),
            ("Complete", .bool(isComplete)),
            ("Read", .array(readList)),
            ("Missing", .array(missingList)),
            ("Excluded", .array(excluded.map(JSONValue.string))),
            ("OrganizationFiles", .array(organizationFiles.map(JSONValue.string))),
            ("OrganizationFailures", .array(organizationFailures.map(JSONValue.string))),
            ("LeftFromEarlierRuns", .array(leftFromEarlierRuns.map(JSONValue.string))),
        ])
        return JSONWriter.write(.object(root), indent: 2) + "\n"
    }

    /// UTC, ISO 8601, to the second.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
