import Foundation

/// A whole file's bytes read straight into an array: `FileManager.contents` gives `Data`, and copying that
/// into `[UInt8]` costs a second pass and a second buffer over hundreds of megabytes of exports.
enum FileBytes {
    /// nil when the file cannot be opened or read.
    static func read(_ path: String, expectedSize: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // One byte more than expected, to notice a file that grew since its size was taken.
        let capacity = max(expectedSize, 0) + 1
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < capacity {
                let result = Foundation.read(descriptor, base + count, capacity - count)
                if result < 0, errno == EINTR { continue }
                if result < 0 { failed = true; return }
                if result == 0 { return }
                count += result
            }
        }
        if failed { return nil }
        if bytes.count == capacity { return FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
        return bytes
    }
}
