import Foundation
import Synchronization

/// `transform` of every position in `0..<count`, in position order whatever the threads did: on every core when
/// there are at least `threshold` positions, one after another here when fewer (threads cost more than a few
/// small jobs). Loading, search, ranking and the reports' long lists all run this way at scale.
public func orderedConcurrentMap<Result: Sendable>(_ count: Int, threshold: Int = 2,
                                                   _ transform: @Sendable (Int) -> Result) -> [Result] {
    guard count >= max(threshold, 2) else { return (0..<count).map(transform) }
    let results = Mutex([Result?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { position in
        let result = transform(position)
        results.withLock { $0[position] = result }
    }
    return results.withLock { $0.compactMap { $0 } }
}
