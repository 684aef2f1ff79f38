import ArgumentParser
import Foundation
import TrustPathEvidence
import TrustPathSynthetic

/// `--cloudtrail-month`: generate a month of CloudTrail logs for the organization's accounts and time reading them.
struct CloudTrailBenchOptions: ParsableArguments {
    @Flag(help: "Instead of the analysis, generate a month of CloudTrail logs for --accounts and time reading them.")
    var cloudtrailMonth = false
    @Option(help: "Log files per account and day.") var cloudtrailFilesPerDay: Int = 4
    @Option(help: "Records per log file.") var cloudtrailRecordsPerFile: Int = 250
    @Option(help: "Days of logs.") var cloudtrailDays: Int = 30

    /// Generates (unless `reuse`) and reads the logs; prints one Markdown row or JSON line.
    func run(organization: OrganizationShape, directory: String?, keep: Bool, reuse: Bool, json: Bool) throws {
        let month = CloudTrailMonth(organization: organization, days: cloudtrailDays, filesPerDay: cloudtrailFilesPerDay,
                                    recordsPerFile: cloudtrailRecordsPerFile)
        let target = directory ?? NSTemporaryDirectory() + "trustpath-cloudtrail-\(ProcessInfo.processInfo.processIdentifier)"
        defer { if !keep && directory == nil { try? FileManager.default.removeItem(atPath: target) } }
        if !(reuse && directory != nil) {
            let (summary, seconds) = try Measure.seconds { try month.write(to: target) }
            let note = "generated \(summary.files) log files, \(summary.bytes / 1_048_576) MB gzipped, \(summary.records) records "
                + "in \(target) (\(String(format: "%.1f", seconds)) s)\n"
            FileHandle.standardError.write(Data(note.utf8))
        }
        let before = Measure.peakResidentBytes()
        let cpuBefore = Self.cpuSeconds()
        let (loaded, seconds) = try Measure.seconds { try CloudTrailLoader.load(target) }
        let row = CloudTrailBenchRow(accounts: organization.accounts, statistics: loaded.index.statistics, seconds: seconds,
                                     cpuSeconds: Self.cpuSeconds() - cpuBefore,
                                     pairs: loaded.index.count, diagnostics: loaded.diagnostics.count,
                                     peakResidentBytes: Measure.peakResidentBytes(), peakBeforeReading: before)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(row), as: UTF8.self))
        } else {
            print(CloudTrailBenchRow.header)
            print(row.markdown)
        }
    }

    /// User and system time of this process so far: a rate per CPU-second does not move with the machine's other load.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(Int32(who), &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// One reading measurement.
struct CloudTrailBenchRow: Codable {
    var accounts: Int
    var statistics: ReadStatistics
    var seconds: Double
    /// CPU time of the read (all workers): the rate per CPU-second is what another machine's cores would each give.
    var cpuSeconds: Double
    /// Distinct (caller, role) pairs in the index, and diagnostics raised.
    var pairs: Int
    var diagnostics: Int
    var peakResidentBytes: Int
    /// Peak before reading began (generation included), so a reader of the row can tell whose peak it is.
    var peakBeforeReading: Int

    static let header = """
        | accounts | files | gzipped MB | inflated MB | records | assume calls | read s | CPU s | gzipped MB/s | gzipped MB per CPU-s | records/s | pairs | peak RSS MB |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """

    var markdown: String {
        let megabyte = 1_048_576.0
        let compressed = Double(statistics.compressedBytes) / megabyte
        func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
        return "| \(accounts) | \(statistics.files) | \(f(compressed)) | \(f(Double(statistics.inflatedBytes) / megabyte)) | "
            + "\(statistics.records) | \(statistics.assumptions) | \(f(seconds, 2)) | \(f(cpuSeconds, 2)) | \(f(compressed / seconds)) | "
            + "\(f(compressed / max(cpuSeconds, 0.001))) | "
            + "\(Int(Double(statistics.records) / seconds)) | \(pairs) | \(peakResidentBytes / 1_048_576) |"
    }
}
