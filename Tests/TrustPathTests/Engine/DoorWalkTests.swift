import Testing
@testable import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// A door's counts come from a walk without order that takes the reach of a large strongly connected component from
/// its bit set, and its top list from a breadth-first walk that stops once it has placed the worst roles it needs. Both must say what one whole breadth-first walk behind the door says: the same
/// roles by severity, and the same first roles of each severity, worst first, with the same paths and states.
@Suite("Analysis: door walks")
struct DoorWalkTests {
    /// Hub roles that may assume any role and trust only each other (one strongly connected component), roles without
    /// permissions behind them, and a vendor's door that reaches those roles both directly and through the hubs: a
    /// count must take each role once.
    static let sinkWorld: TestWorld = {
        let accounts = Array(BasedSetTests.accounts.prefix(2))
        var world = TestWorld(organizationID: BasedSetTests.organization, members: accounts)
        let hubs = trust("{\"AWS\": \"*\"}", condition: "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"\(BasedSetTests.organization)\"}, "
                         + "\"StringLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/hub-*\"}}")
        for account in accounts {
            let root = trust("{\"AWS\": \"arn:aws:iam::\(account):root\"}")
            for serial in 0..<3 {
                world.roles.append(RoleSpec(name: "hub-\(serial)", account: account, trust: hubs, inline: [allow("sts:AssumeRole")]))
                world.roles.append(RoleSpec(name: "sink-\(serial)", account: account, trust: root))
            }
            world.roles.append(RoleSpec(name: "hub-vendor", account: account, trust: trust("{\"AWS\": \"arn:aws:iam::900000000001:root\"}"),
                                        inline: [allow("sts:AssumeRole")]))
        }
        return world
    }()

    @Test(arguments: Array(UInt64(0)...12))
    func doorsSayWhatAWholeWalkSays(seed: UInt64) {
        let world = seed == 0 ? Self.sinkWorld : BasedSetTests.hubWorld(seed: seed)
        let snapshot = world.snapshot()
        var checkedTops = 0
        // Counts shared from strongly connected components of every size, of two roles and up, and of the default size.
        for (topCount, smallestShared) in [(1, 1), (2, 2), (5, 32), (50, 2), (5, 1)] {
            var options = AnalysisOptions(today: "2026-01-01", parallel: false)
            options.doorTopCount = topCount
            options.smallestSharedComponent = smallestShared
            let result = Analyzer.analyze(snapshot, options: options)
            if smallestShared < 32 {
                let shared = SharedReach(roles: result.reach.roles, ranks: Array(repeating: 0, count: result.reach.roles.roleCount),
                                         rankCount: 1, smallest: smallestShared)
                #expect(!shared.reach.isEmpty, "the organization should have components to share")
            }
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
