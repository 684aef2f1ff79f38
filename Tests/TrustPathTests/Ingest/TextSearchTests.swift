import Foundation
import Testing
import TrustPathModel

/// `containsText` searches the bytes of ASCII text and hands other text to Foundation: its answer must be
/// Foundation's `range(of:)` on random texts and needles, ASCII or not, empty needles and needles longer than the text.
@Suite("Model: text search")
struct TextSearchTests {
    @Test(arguments: Array(UInt64(1)...8))
    func answersAsFoundationDoes(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let pieces = ["REPLACE", "REPLACE-WITH-", "o-", "${", ":resource", "a", "AA", "E", "\u{301}", "é", "ｅ", " ", "", "$", "{"]
        var found = 0
        for _ in 0..<3_000 {
            func text(_ count: Int) -> String {
                (0..<Int.random(in: 0...count, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            }
            let haystack = text(6)
            let needle = text(2)
            let expected = haystack.range(of: needle) != nil
            #expect(haystack.containsText(needle) == expected, "\(haystack.debugDescription) ∋ \(needle.debugDescription)")
            if expected { found += 1 }
        }
        #expect(found > 150)
    }
}
