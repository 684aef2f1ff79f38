import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where output goes as it is made, one piece after another: standard output, a file being written atomically,
/// or memory. A reporter that writes to a sink never holds its whole text.
public protocol ByteSink {
    /// Appends `bytes`. A thrown error ends the output: the writer stops and passes it on.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ByteSink {
    /// Appends the UTF-8 of `text`, from the string's own storage.
    public mutating func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }
}

/// Bytes kept in memory, for the callers that want a whole text (tests, `render`).
public struct MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    /// What was written, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// An open file descriptor, each piece written whole: a short write goes on from where it stopped and an
/// interrupted one is retried.
public struct FileDescriptorSink: ByteSink {
    public let descriptor: Int32

    public init(descriptor: Int32) { self.descriptor = descriptor }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(code: errno)
            }
            offset += written
        }
    }
}

/// Output that could not be written, with the system's reason (`No space left on device`, `Broken pipe`).
public struct WriteFailure: Error, LocalizedError, Equatable, Sendable {
    /// The `errno` of the failed call.
    public var code: Int32

    public init(code: Int32) { self.code = code }

    /// The reader of a pipe went away: nothing more is wanted, and there is nobody to tell.
    public var isBrokenPipe: Bool { code == EPIPE }

    public var errorDescription: String? { String(cString: strerror(code)) }
}

// `write(2)`, named apart from the sinks' own `write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
