import Testing
import TrustPathEngine

/// A key takes the knowledge of its exact entry, else of the longest prefix set for it, else of the prefix of that
/// length set first: checked against appending every prefix and sorting the list stably by length, on random sets of
/// prefixes and keys.
@Suite("Engine: request context prefixes")
struct RequestContextTests {
    @Test(arguments: Array(UInt64(1)...10))
    func theLongestPrefixSetFirstWins(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let parts = ["aws:", "PrincipalTag/", "ResourceTag/", "team", "T", "é", "x/"]
        var context = RequestContext()
        var reference: [(prefix: String, knowledge: KeyKnowledge)] = []
        for serial in 0..<Int.random(in: 2...8, using: &random) {
            // Few choices, so that one prefix is often set twice (in other cases): the first one set must win.
            let lowered = (0..<Int.random(in: 1...2, using: &random)).map { _ in parts.prefix(3).randomElement(using: &random) ?? "" }
                .joined()
            let prefix = Bool.random(using: &random) ? lowered.uppercased() : lowered
            let knowledge = KeyKnowledge.known(["value \(serial)"])
            context.setPrefix(prefix, knowledge)
            reference.append((prefix.lowercased(), knowledge))
        }
        // Swift's sort is stable: prefixes of one length keep the order they were set in.
        let sorted = reference.sorted { $0.prefix.count > $1.prefix.count }
        for _ in 0..<200 {
            let key = (0..<Int.random(in: 1...4, using: &random)).map { _ in parts.randomElement(using: &random) ?? "" }.joined()
            let expected = sorted.first { key.lowercased().hasPrefix($0.prefix) }?.knowledge ?? .unknown
            #expect(context[key] == expected, "\(key)")
        }
    }
}
