import Foundation
import Synchronization

/// Runs jobs on at most `width` threads at once. The jobs block on child processes, so they get threads
/// of their own rather than the cooperative pool's few.
enum BoundedWork {
    static func run(_ jobs: [@Sendable () -> Void], width: Int) {
        guard !jobs.isEmpty else { return }
        let next = Mutex(0)
        let group = DispatchGroup()
        for _ in 0..<min(width, jobs.count) {
            group.enter()
            let thread = Thread {
                while true {
                    let index = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard index < jobs.count else { break }
                    jobs[index]()
                }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
    }
}
