import Testing
@testable import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// A door's counts come from a walk without order, and its top list from a breadth-first walk that stops once it has
/// placed the worst roles it needs. Both must say what one whole breadth-first walk behind the door says: the same
/// roles by severity, and the same first roles of each severity, worst first, with the same paths and states.
@Suite("Analysis: door walks")
struct DoorWalkTests {
    @Test(arguments: Array(UInt64(1)...12))
    func doorsSayWhatAWholeWalkSays(seed: UInt64) {
        let world = BasedSetTests.hubWorld(seed: seed)
        let snapshot = world.snapshot()
        var checkedTops = 0
        for topCount in [1, 2, 5, 50] {
            var options = AnalysisOptions(today: "2026-01-01", parallel: false)
            options.doorTopCount = topCount
            let result = Analyzer.analyze(snapshot, options: options)
            #expect(!result.doors.isEmpty)
            let severities = SeverityCache(index: result.index)
            let marks = result.reach.makeMarks()
            for door in result.doors {
                let chains = door.entries.contains { $0.kind != .service }
                let whole = result.reach.reach(from: door.key.role, chainsOnward: chains, marks: marks)
                let judged = whole.numbers.indices.compactMap { position -> (position: Int, severity: Severity)? in
                    guard let role = result.index.rolesByARN[whole.role(at: position)] else { return nil }
                    return (position, severities.judged(role).severity)
                }
                let behind = Dictionary(grouping: judged, by: \.severity).mapValues(\.count)
                #expect(door.behind == behind, "\(door.key): counts differ")
                // Worst first; within a severity, breadth-first order.
                let expected = Severity.allCases.flatMap { severity in
                    judged.filter { $0.severity == severity }.prefix(topCount).map(\.position)
                }.prefix(topCount)
                let entryState = door.entries.map(\.state).min() ?? .conditional
                #expect(door.top.map(\.target) == expected.map { whole.role(at: $0) }, "\(door.key): top differs")
                #expect(door.top.map { Array($0.path.dropFirst()) } == expected.map { whole.path(to: $0) },
                        "\(door.key): paths differ")
                #expect(door.top.map(\.state) == expected.map { max(entryState, whole.state[$0]) }, "\(door.key): states differ")
                if door.top.count < door.behindCount { checkedTops += 1 }
            }
        }
        // Doors with more behind them than they show: where a walk that stops early could go wrong.
        #expect(checkedTops > 0)
    }
}
