import Foundation
import Synchronization

/// `transform` of every position in `0..<count`, in position order whatever the threads did: on every core when
/// there are at least `threshold` positions, one after another here when fewer (threads cost more than a few
/// small jobs). Loading, search, ranking and the reports' long lists all run this way at scale.
/// Positions are handed out in runs, a few dozen runs per core: a hundred thousand roles are then a few hundred
/// hand-overs, not a hundred thousand, and one slow run still leaves the other cores busy with the rest.
public func orderedConcurrentMap<Result: Sendable>(_ count: Int, threshold: Int = 2,
                                                   _ transform: @Sendable (Int) -> Result) -> [Result] {
    guard count >= max(threshold, 2) else { return (0..<count).map(transform) }
    let runCount = min(count, ProcessInfo.processInfo.activeProcessorCount * 64)
    let runs = Mutex([[Result]](repeating: [], count: runCount))
    DispatchQueue.concurrentPerform(iterations: runCount) { run in
        let part = (count * run / runCount..<count * (run + 1) / runCount).map(transform)
        runs.withLock { $0[run] = part }
    }
    return runs.withLock { runs in
        var results: [Result] = []
        results.reserveCapacity(count)
        for run in runs.indices { results += runs[run] }
        return results
    }
}
