import Foundation
import Testing
import TrustPathEscaping
import TrustPathJSON

/// The one JSON string rule: byte for byte what Foundation's encoder writes plus the escapes it leaves out, and a
/// literal every JSON reader turns back into the same text.
@Suite("Escaping: JSON strings")
struct EscapeJSONTests {
    /// Every C0 and C1 control, DEL, quotes, backslash, slash, the JavaScript line breaks, bidi and zero-width marks,
    /// multi-byte text and a scalar outside the BMP; and runs of plain text around them.
    static let samples: [String] = {
        let every = String(String.UnicodeScalarView((0...0xFF).compactMap(Unicode.Scalar.init)))
        return [every, "plain", "", "a\"b\\c/d", "\u{2028}\u{2029}\u{202E}\u{200B}", "naïve 日本 🚀", "x\u{C2}", "\u{E2}\u{80}\u{A7}",
                "role\u{1B}[31m\n$(touch PWNED)\u{0}end", String(repeating: "long plain run ", count: 40) + "\u{85}"]
    }()

    @Test(arguments: samples)
    func matchesTheEncoderAndItsPostPass(text: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let foundation = Escape.jsonEscapingBeyondGrammar(String(decoding: try encoder.encode([text]), as: UTF8.self))
        #expect("[" + Escape.jsonString(text) + "]" == foundation)
    }

    @Test(arguments: samples)
    func roundTripsAndLeavesNothingATerminalObeys(text: String) throws {
        let literal = Escape.jsonString(text)
        #expect(try JSONDecoder().decode([String].self, from: Data("[\(literal)]".utf8)) == [text])
        #expect(try JSONParser.parse(literal) == .string(text))
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" })
    }
}
