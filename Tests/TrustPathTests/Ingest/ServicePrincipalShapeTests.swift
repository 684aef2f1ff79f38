import Foundation
import Testing
@testable import TrustPathIngest
import TrustPathJSON
import TrustPathModel

/// A service principal must have a dot and no wildcard or space; ASCII text is tested on its bytes. The answer must be
/// Foundation's substring search's on random texts, and a trust naming a malformed one warns and drops it.
@Suite("Ingest: service principal shape")
struct ServicePrincipalShapeTests {
    @Test(arguments: Array(UInt64(1)...6))
    func theByteTestAgreesWithASubstringSearch(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let pieces = ["events", ".", "amazonaws", "com", "*", "?", " ", "é", "\u{301}", "-", "lambda", "ｅ"]
        var valid = 0
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let expected = text.contains(".") && !text.contains("*") && !text.contains("?") && !text.contains(" ")
            #expect(PolicyDecoder.looksLikeService(text) == expected, "\(text.debugDescription)")
            if expected { valid += 1 }
        }
        #expect(valid > 100)
    }

    @Test func malformedServicePrincipalsAreDroppedWithAWarning() throws {
        let trust = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "#
            + #""Principal": {"Service": ["lambda.amazonaws.com", "*.amazonaws.com", "no dot", "ec2 .amazonaws.com"]}}]}"#
        var context = DecodingContext(file: "trust.json")
        let document = PolicyDecoder.decode(try JSONParser.parse(trust), at: JSONPath(), context: &context)
        #expect(document?.statements.first?.principal?.service == ["lambda.amazonaws.com"])
        #expect(context.diagnostics.filter { $0.code == "invalid-service-principal" }.count == 3)
    }
}
