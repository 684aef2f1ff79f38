import TrustPathJSON
import TrustPathModel

/// One log file read: its assumptions, counts, and what could not be read, each naming the file and record.
struct LogFileReading {
    let name: String
    let diagnosticsPerFile: Int
    private(set) var index = CloudTrailIndex()
    private(set) var diagnostics: [Diagnostic] = []

    init(name: String, diagnosticsPerFile: Int) {
        self.name = name
        self.diagnosticsPerFile = diagnosticsPerFile
    }

    mutating func read(_ bytes: [UInt8], maximumSize: Int) {
        index.statistics.files = 1
        index.statistics.compressedBytes = bytes.count
        var text = bytes
        if Gunzip.isGzip(bytes) {
            do { text = try Gunzip.inflate(bytes, limit: maximumSize) } catch {
                skip(.error, "cloudtrail-gzip", "\(error)",
                     hint: error == .truncated ? "the file was cut short; copy it from the bucket again" : "copy the file from the bucket again")
                return
            }
        }
        index.statistics.inflatedBytes = text.count
        if let records = RecordScanner.records(in: text) {
            readScanned(records, in: text)
        } else {
            readParsed(text)
        }
    }

    /// The usual case: only `sts.amazonaws.com` `AssumeRole*` records (and records the scan could not judge) are
    /// parsed, one at a time.
    private mutating func readScanned(_ records: [RecordScanner.Record], in text: [UInt8]) {
        index.statistics.records = records.count
        var bad = 0
        for (position, record) in records.enumerated() {
            if record.isObject, !record.needsParse, let source = record.eventSource, let name = record.eventName,
               !(text[source].elementsEqual("sts.amazonaws.com".utf8)
                 && CloudTrailRecord.assumeEvents.contains(String(decoding: text[name], as: UTF8.self))) {
                continue
            }
            let reading: RecordReading
            do { reading = CloudTrailRecord.read(try JSONParser.parse(Array(text[record.range]))) } catch {
                reading = .bad("not valid JSON: \(error.description)")
            }
            take(reading, at: position, bad: &bad)
        }
        finish(bad: bad)
    }

    /// Anything the scan gave up on: the whole file parsed, so a problem is named exactly.
    private mutating func readParsed(_ text: [UInt8]) {
        let document: JSONValue
        do { document = try JSONParser.parse(text) } catch {
            skip(.error, "cloudtrail-json", "not valid JSON: \(error.description)", path: error.path.description,
                 hint: "copy the file from the bucket again")
            return
        }
        guard case .array(let records)? = document["Records"] else {
            if document["digestStartTime"] != nil || name.contains("CloudTrail-Digest/") {
                skip(.note, "cloudtrail-digest", "a CloudTrail digest file, not a log; skipped", hint: nil)
            } else {
                skip(.warning, "cloudtrail-not-a-log", "not a CloudTrail log file: expected an object with a \"Records\" array",
                     hint: "give only the folder CloudTrail delivers to")
            }
            return
        }
        index.statistics.records = records.count
        var bad = 0
        for (position, record) in records.enumerated() {
            take(CloudTrailRecord.read(record), at: position, bad: &bad)
        }
        finish(bad: bad)
    }

    private mutating func take(_ reading: RecordReading, at position: Int, bad: inout Int) {
        switch reading {
        case .assumption(let caller, let role, let time):
            index.record(caller, role: role, at: time)
            index.statistics.assumptions += 1
        case .failed:
            index.statistics.failedCalls += 1
        case .unrelated:
            break
        case .bad(let reason):
            bad += 1
            if bad <= diagnosticsPerFile {
                diagnostics.append(Diagnostic(.warning, code: "cloudtrail-bad-record", "record skipped: \(reason)",
                                              at: location(JSONPath.root.appending("Records").appending(position)),
                                              hint: "the rest of the file is read"))
            }
        }
    }

    private mutating func finish(bad: Int) {
        index.statistics.badRecords = bad
        if bad > diagnosticsPerFile {
            diagnostics.append(Diagnostic(.warning, code: "cloudtrail-bad-record",
                                          "\(bad - diagnosticsPerFile) more records skipped (\(bad) in all)",
                                          at: location(JSONPath.root.appending("Records")), hint: "the rest of the file is read"))
        }
    }

    private func location(_ path: JSONPath) -> SourceLocation { SourceLocation(file: name, jsonPath: path.description) }

    private mutating func skip(_ severity: Diagnostic.Severity, _ code: String, _ message: String, path: String = "$",
                               hint: String?) {
        index.statistics.skippedFiles = 1
        diagnostics.append(Diagnostic(severity, code: code, message, at: SourceLocation(file: name, jsonPath: path), hint: hint))
    }
}
