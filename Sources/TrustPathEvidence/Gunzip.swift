import CZlib

/// Why a compressed log file could not be read whole.
public enum GunzipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file ends before the compressed stream does: the upload or copy was cut short.
    case truncated
    /// The bytes are not a gzip (or zlib) stream, or the stream is damaged.
    case corrupt(String)
    /// The file would inflate past the limit: refused rather than exhausting memory.
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .truncated: "the gzip stream ends early (truncated file)"
        case .corrupt(let reason): "not a readable gzip stream (\(reason))"
        case .tooLarge(let limit):
            "inflates to more than " + (limit >= 1_048_576 ? "\(limit / 1_048_576) MiB" : "\(limit) bytes")
        }
    }
}

/// Inflates gzip files in memory, one whole file at a time: CloudTrail writes files of a few megabytes, and a
/// reader holds one per worker.
public enum Gunzip {
    /// True when the bytes start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The inflated bytes of every member (gzip allows members one after another), or why not.
    public static func inflate(_ compressed: [UInt8], limit: Int = 1 << 31) throws(GunzipError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(compressed.count * 8, 1 << 16)))
        var consumed = 0
        while consumed < compressed.count {
            // Padding of zeros after the last member is tolerated, as gzip(1) does.
            if compressed[consumed...].allSatisfy({ $0 == 0 }) { break }
            consumed += try inflateMember(compressed, from: consumed, into: &output, limit: limit)
        }
        return output
    }

    /// Inflates one member starting at `start`; returns the number of compressed bytes it took.
    private static func inflateMember(_ compressed: [UInt8], from start: Int, into output: inout [UInt8],
                                      limit: Int) throws(GunzipError) -> Int {
        var stream = z_stream()
        guard trustpath_inflate_init_auto(&stream) == Z_OK else { throw .corrupt("zlib could not start") }
        defer { inflateEnd(&stream) }
        let chunkSize = 1 << 18
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let result: Result<Int, GunzipError> = compressed.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress else { return .failure(.truncated) }
            stream.next_in = UnsafeMutablePointer(mutating: base + start)
            stream.avail_in = UInt32(clamping: input.count - start)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(chunkSize)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunkSize - Int(stream.avail_out)
                if output.count + produced > limit { return .failure(.tooLarge(limit: limit)) }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END: return .success(Int(stream.total_in))
                case Z_OK: continue
                case Z_BUF_ERROR:
                    // No progress possible: the input ran out before the stream ended.
                    if stream.avail_in == 0 { return .failure(.truncated) }
                    continue
                case Z_DATA_ERROR:
                    let message = stream.msg.map { String(cString: $0) } ?? "data error"
                    return .failure(.corrupt(message))
                default:
                    return .failure(.corrupt("zlib status \(status)"))
                }
            }
        }
        return try result.get()
    }
}
