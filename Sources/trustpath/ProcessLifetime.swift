import Synchronization

/// Values kept until the process exits. Freeing a 1,000-account analysis object by object takes most of a
/// second after the report is written; the operating system reclaims the memory at exit in one step.
enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
