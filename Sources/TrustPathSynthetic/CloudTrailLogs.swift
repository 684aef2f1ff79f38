import Foundation

/// A month of CloudTrail logs for the accounts of a synthetic organization, laid out as S3 delivers them
/// (`AWSLogs/ACCOUNT/CloudTrail/REGION/2026/11/DD/ACCOUNT_CloudTrail_REGION_…Z_ID.json.gz`).
public struct CloudTrailMonth: Sendable {
    public var organization: OrganizationShape
    public var days: Int
    /// Files per account and day (CloudTrail delivers one about every five minutes per region when busy).
    public var filesPerDay: Int
    public var recordsPerFile: Int
    public var region = "us-east-1"

    public init(organization: OrganizationShape, days: Int = 30, filesPerDay: Int = 4, recordsPerFile: Int = 100) {
        self.organization = organization
        self.days = days
        self.filesPerDay = filesPerDay
        self.recordsPerFile = recordsPerFile
    }

    public struct Summary: Sendable, Hashable {
        public var files: Int
        /// On disk (gzipped).
        public var bytes: Int
        public var records: Int
    }

    /// One log file: its path below the delivery folder and its gzipped bytes. The same arguments give the same file.
    public func file(account index: Int, day: Int, serial: Int) -> (path: String, bytes: [UInt8]) {
        let account = organization.accountID(index)
        let stream = UInt64(index) << 32 | UInt64(day) << 16 | UInt64(serial)
        var writer = CloudTrailRecordWriter(account: account, region: region,
                                            random: SplitMix64(seed: organization.seed, stream: stream))
        let dd = String(day).padded(2)
        // Each file covers a slice of the day; its records fall inside it.
        let sliceSeconds = 86_400 / max(filesPerDay, 1)
        var records: [String] = []
        records.reserveCapacity(recordsPerFile)
        for _ in 0..<recordsPerFile {
            let second = serial * sliceSeconds + Int(writer.random.next() % UInt64(sliceSeconds))
            let time = "2026-11-\(dd)T\(String(second / 3600).padded(2)):\(String(second % 3600 / 60).padded(2)):\(String(second % 60).padded(2))Z"
            records.append(writer.record(at: time, shape: organization))
        }
        let text = Array(#"{"Records":[\#(records.joined(separator: ","))]}"#.utf8)
        let end = (serial + 1) * sliceSeconds
        let stamp = "202611\(dd)T\(String(end / 3600 % 24).padded(2))\(String(end % 3600 / 60).padded(2))Z"
        let path = "AWSLogs/\(account)/CloudTrail/\(region)/2026/11/\(dd)/\(account)_CloudTrail_\(region)_\(stamp)_"
            + String(stream, radix: 36).padded(16) + ".json.gz"
        return (path, Gzip.compress(text) ?? [])
    }

    /// Writes every file under `directory`, accounts in parallel.
    public func write(to directory: String) throws -> Summary {
        let failures = FailureBox()
        let bytes = ByteCounter()
        let files = ByteCounter()
        DispatchQueue.concurrentPerform(iterations: organization.accounts) { index in
            for day in 1...days {
                for serial in 0..<filesPerDay {
                    let file = self.file(account: index, day: day, serial: serial)
                    let url = URL(fileURLWithPath: directory).appendingPathComponent(file.path)
                    do {
                        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try Data(file.bytes).write(to: url)
                        bytes.add(file.bytes.count)
                        files.add(1)
                    } catch {
                        failures.record("\(file.path): \(error)")
                    }
                }
            }
        }
        if let failure = failures.first { throw SyntheticWriteError(message: failure) }
        return Summary(files: files.total, bytes: bytes.total, records: files.total * recordsPerFile)
    }
}
