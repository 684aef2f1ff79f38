import Foundation

/// Scratch objects a task borrows and gives back: arrays the size of the organization are made about once per
/// core, not once per entry or door. Each object is used by one task at a time.
final class ScratchPool<Item: AnyObject>: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Item] = []
    private let make: @Sendable () -> Item

    /// A pool that makes items with `make` when none is idle.
    init(_ make: @escaping @Sendable () -> Item) { self.make = make }

    /// Runs `body` with an idle item (a new one when none is idle).
    func with<Result>(_ body: (Item) -> Result) -> Result {
        let item = lock.withLock { idle.popLast() } ?? make()
        defer { lock.withLock { idle.append(item) } }
        return body(item)
    }
}
