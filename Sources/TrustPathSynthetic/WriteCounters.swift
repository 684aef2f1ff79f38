import Synchronization

/// Totals shared by the threads that write an organization's files.
final class ByteCounter: Sendable {
    private let value = Atomic<Int>(0)
    func add(_ count: Int) { value.add(count, ordering: .relaxed) }
    var total: Int { value.load(ordering: .relaxed) }
}

/// The first write failure, if any.
final class FailureBox: Sendable {
    private let failures = Mutex<[String]>([])
    func record(_ message: String) { failures.withLock { $0.append(message) } }
    var first: String? { failures.withLock { $0.sorted().first } }
}
