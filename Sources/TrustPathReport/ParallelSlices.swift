import TrustPathModel

/// A long list done in slices on every core, the results in order: a 1,000-account report prints and writes
/// tens of thousands of findings.
enum ParallelSlices {
    /// `transform` of each slice of `sliceSize` items, in order.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], sliceSize: Int,
                                                      _ transform: @Sendable (ArraySlice<Item>) -> Result) -> [Result] {
        guard !items.isEmpty else { return [] }
        let size = max(1, sliceSize)
        // Threads only pay off for long lists.
        return orderedConcurrentMap((items.count + size - 1) / size, threshold: 4) { slice in
            transform(items[(slice * size)..<min(items.count, (slice + 1) * size)])
        }
    }

    /// The lines of every item, in order. Each returned string holds one slice's lines joined by newlines, so
    /// joining the result with newlines gives the same text as joining all the lines.
    static func lines<Item: Sendable>(_ items: [Item], sliceSize: Int = 256,
                                      render: @Sendable (Item) -> [String]) -> [String] {
        map(items, sliceSize: sliceSize) { $0.flatMap(render).joined(separator: "\n") }
    }
}
