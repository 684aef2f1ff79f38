import Testing
import TrustPathModel

/// ARNs are cut at their first five colons on the bytes when the text is ASCII, and by characters otherwise: the
/// fields must be those a split by characters gives, on random texts of colons, empty fields and other characters.
@Suite("Ingest: ARN fields")
struct ARNParsingTests {
    /// The fields a split by characters gives: nil unless there are six, the first is `arn` and the partition is not
    /// empty.
    static func reference(_ text: String) -> [String]? {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty else { return nil }
        return Array(parts[1...])
    }

    @Test(arguments: Array(UInt64(1)...8))
    func fieldsAreThoseOfASplitByCharacters(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let pieces = ["arn", ":", "::", "aws", "aws-cn", "iam", "s3", "", "111122223333", "role/a:b", "/", "*", " ",
                      "é", "\u{301}", "ａｒｎ", "Arn", "\u{0600}", "🛡️"]
        var parsed = 0
        for _ in 0..<2_000 {
            func piece(_ count: Int) -> String {
                (0..<Int.random(in: 0...count, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            }
            // Half of them shaped like an ARN: five fields of random pieces after `arn:`.
            let prefixed = Bool.random(using: &random) ? "arn:" + (0..<5).map { _ in piece(2) }.joined(separator: ":") : piece(12)
            let arn = ARN(prefixed)
            #expect(arn.map { [$0.partition, $0.service, $0.region, $0.account, $0.resource] } == Self.reference(prefixed),
                    "\(prefixed.debugDescription)")
            if arn != nil { parsed += 1 }
        }
        #expect(parsed > 100)
    }

    @Test func typicalARNsAndTheirNearMisses() {
        let role = ARN("arn:aws:iam::111122223333:role/path/name")
        #expect(role == ARN(partition: "aws", service: "iam", account: "111122223333", resource: "role/path/name"))
        #expect(ARN("arn:aws:s3:::bucket/key:with:colons")?.resource == "bucket/key:with:colons")
        #expect(ARN("arn::iam::111122223333:root") == nil)
        #expect(ARN("arn:aws:iam::111122223333") == nil)
        #expect(ARN("urn:aws:iam::111122223333:root") == nil)
        #expect(ARN("arn:aws:iam:\u{301}:111122223333:root") == nil, "a colon followed by a combining mark is no separator")
    }
}
