import Foundation
import Synchronization

/// Text of a long list rendered in slices on every core: a 1,000-account report prints tens of thousands of
/// findings. The result reads exactly as rendering the items one after another would.
enum ParallelText {
    /// The lines of every item, in order. Each returned string holds one slice's lines joined by newlines, so
    /// joining the result with newlines gives the same text as joining all the lines.
    static func lines<Item: Sendable>(_ items: [Item], sliceSize: Int = 256,
                                      render: @Sendable (Item) -> [String]) -> [String] {
        guard !items.isEmpty else { return [] }
        let count = (items.count + sliceSize - 1) / sliceSize
        @Sendable func slice(_ position: Int) -> String {
            items[(position * sliceSize)..<min(items.count, (position + 1) * sliceSize)]
                .flatMap(render).joined(separator: "\n")
        }
        // Threads only pay off for long lists.
        guard count >= 4 else { return (0..<count).map(slice) }
        let slices = Mutex([String](repeating: "", count: count))
        DispatchQueue.concurrentPerform(iterations: count) { position in
            let text = slice(position)
            slices.withLock { $0[position] = text }
        }
        return slices.withLock { $0 }
    }
}
