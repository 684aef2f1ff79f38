import TrustPathEngine
import TrustPathModel

/// The judged severity of every role an entry reaches, by role number: the findings read one per pair and the doors
/// one for each role behind them (tens of millions of reads in a large organization), so they read an array, not a
/// locked cache.
struct SeverityTable: Sendable {
    struct Judged: Sendable {
        var severity: Severity
        var reason: String
        var crownJewel: CrownJewelMark?
    }

    private let judged: [Judged?]
    /// Each role's severity rank (`Severity.rank`), or `unjudged`: what counting the roles behind a door reads, without
    /// copying a reason per role.
    let ranks: [UInt8]
    static let unjudged = UInt8.max

    /// Judges, on every core, each role of `numbers` (role numbers; repeats and unnumbered targets are skipped).
    init(numbers wanted: [Int], index: SnapshotIndex, severities: SeverityCache, parallel: Bool) {
        let names = index.targetGroups.roleARNs
        var seen = [Bool](repeating: false, count: names.count)
        var collected: [Int] = []
        for number in wanted where number >= 0 && !seen[number] {
            seen[number] = true
            collected.append(number)
        }
        let numbers = collected
        let found = orderedConcurrentMap(numbers.count, threshold: parallel ? 64 : .max) { position -> Judged? in
            guard let role = index.rolesByARN[names[numbers[position]]] else { return nil }
            let judged = severities.judged(role)
            return Judged(severity: judged.severity, reason: judged.reason, crownJewel: judged.crownJewel)
        }
        var table = [Judged?](repeating: nil, count: names.count)
        for (position, number) in numbers.enumerated() { table[number] = found[position] }
        judged = table
        ranks = table.map { $0.map { UInt8($0.severity.rank) } ?? Self.unjudged }
    }

    subscript(number: Int) -> Judged? { judged[number] }
}
