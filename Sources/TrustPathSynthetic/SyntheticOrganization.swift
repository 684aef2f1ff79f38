import Foundation

/// A deterministic synthetic AWS organization: one `get-account-authorization-details` export per account
/// (one page or two) plus the Organizations files, all in the AWS CLI's format.
public struct SyntheticOrganization: Sendable {
    public let shape: OrganizationShape

    /// The organization of this shape and seed.
    public init(_ shape: OrganizationShape) { self.shape = shape }

    /// What was written.
    public struct Summary: Sendable, Hashable {
        public var files: Int
        public var bytes: Int
        public var roles: Int
        public var users: Int

        /// A summary of what a directory holds.
        public init(files: Int, bytes: Int, roles: Int, users: Int) {
            self.files = files
            self.bytes = bytes
            self.roles = roles
            self.users = users
        }
    }

    /// The files of the organization, in memory: for tests and small shapes.
    public func documents() -> [(path: String, bytes: [UInt8])] {
        var documents: [(path: String, bytes: [UInt8])] = []
        for index in 0..<shape.accounts { documents += accountFiles(index) }
        return documents + OrganizationFiles.files(shape).map { ($0.name, $0.bytes) }
    }

    /// The files of one account, by its index (0 is the management account).
    public func accountFiles(_ index: Int) -> [(path: String, bytes: [UInt8])] {
        AccountExport(account: AccountContext(index: index, shape: shape)).files().map { ($0.name, $0.bytes) }
    }

    /// Writes every file into `directory` (created if needed), accounts in parallel; the bytes do not
    /// depend on the order they are made in.
    public func write(to directory: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let shape = shape
        let failures = FailureBox()
        let bytes = ByteCounter()
        DispatchQueue.concurrentPerform(iterations: shape.accounts) { index in
            for file in accountFiles(index) {
                do {
                    try Data(file.bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(file.path))
                    bytes.add(file.bytes.count)
                } catch {
                    failures.record("\(file.path): \(error)")
                }
            }
        }
        for file in OrganizationFiles.files(shape) {
            try Data(file.bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(file.name))
            bytes.add(file.bytes.count)
        }
        if let failure = failures.first { throw SyntheticWriteError(message: failure) }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory).count) ?? 0
        return Summary(files: files, bytes: bytes.total, roles: shape.roles, users: shape.users)
    }
}

/// A file of the organization could not be written.
public struct SyntheticWriteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "cannot write synthetic organization: \(message)" }
}
