import Testing
@testable import TrustPathJSON

/// The parser and the skipper pass over indentation and plain string text a word at a time (`ByteScanning`). A scan
/// must stop at the first byte a reader has to look at, whatever its place in a word, and never pass one: checked
/// against a byte-by-byte reading at every start, and through both readers with every kind of special byte at every
/// offset of a string.
@Suite("Hostile: scanning a word at a time")
struct ByteScanningTests {
    static func isPlain(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x80 && byte != 0x22 && byte != 0x5C }

    /// Random bytes biased towards plain text, with every special kind sprinkled in.
    static func buffer(seed: UInt64) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        let specials: [UInt8] = [0x22, 0x5C, 0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xFF, 0x20]
        return (0..<200).map { _ in
            Int.random(in: 0..<6, using: &random) == 0 ? specials.randomElement(using: &random) ?? 0
                : UInt8.random(in: 0x21...0x7E, using: &random)
        }
    }

    @Test(arguments: Array(UInt64(1)...40))
    func scansStopAtTheFirstByteToLookAt(seed: UInt64) {
        var bytes = Self.buffer(seed: seed)
        // Runs of spaces of every length, for the indentation scan.
        for (offset, length) in [(3, 1), (20, 7), (40, 8), (60, 9), (90, 17), (150, 40)] {
            for position in offset..<min(offset + length, bytes.count) { bytes[position] = 0x20 }
        }
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0...buffer.count {
                let plain = ByteScanning.pastPlainText(buffer, from: start)
                #expect(plain >= start && plain <= buffer.count)
                #expect(buffer[start..<plain].allSatisfy(Self.isPlain), "passed a special byte from \(start)")
                #expect(plain + 8 > buffer.count || !Self.isPlain(buffer[plain]), "stopped early from \(start)")
                let spaces = ByteScanning.pastSpaces(buffer, from: start)
                #expect(spaces >= start && spaces <= buffer.count)
                #expect(buffer[start..<spaces].allSatisfy { $0 == 0x20 }, "passed a non-space from \(start)")
                #expect(spaces + 8 > buffer.count || buffer[spaces..<spaces + 8].contains { $0 != 0x20 },
                        "stopped before a whole word of spaces from \(start)")
            }
        }
    }

    /// A string of `length` plain bytes with `special` at `offset`, inside a policy version both readers meet: the
    /// default one (parsed) and another (skipped).
    @Test(arguments: [0x22, 0x5C, 0x00, 0x1F, 0x80, 0xC3, 0xFF] as [UInt8])
    func everySpecialByteIsSeenAtEveryOffset(special: UInt8) {
        for length in [1, 7, 8, 9, 15, 16, 17, 31] {
            for offset in 0..<length {
                var text = Array("abcdefghijklmnopqrstuvwxyz012345".utf8.prefix(length))
                text[offset] = special
                if special == 0xC3, offset + 1 < length { text[offset + 1] = 0xA9 } // é: valid UTF-8
                let string = [0x22] + text + [0x22]
                let single = Result { () throws(JSONParseError) in try JSONParser.parse(string) }
                let expected = reference(text)
                switch (single, expected) {
                case (.success(let value), .some(let decoded)): #expect(value == .string(decoded), "\(length)/\(offset)")
                case (.failure, nil): break
                default: Issue.record("byte \(special) at \(offset) of \(length): \(single), expected \(String(describing: expected))")
                }
                // In a version that is not the default the string is skipped, and must fail exactly where parsing fails.
                let document = Array(#"{"Policies": [{"DefaultVersionId": "v1", "PolicyVersionList": [{"VersionId": "v2", "Document": {"Sid": "#.utf8)
                    + string + Array(#"}}, {"VersionId": "v1", "Document": {}}]}], "Pad": "                "}"#.utf8)
                let parsed = Result { () throws(JSONParseError) in try JSONParser.parse(document) }
                let skipped = Result { () throws(JSONParseError) in try JSONParser.parse(document, onlyDefaultPolicyVersions: true) }
                switch (parsed, skipped) {
                case (.success, .success): #expect(expected != nil)
                case (.failure(let full), .failure(let skipping)): #expect(full == skipping, "\(length)/\(offset)")
                default: Issue.record("byte \(special) at \(offset) of \(length): parsed \(parsed), skipped \(skipped)")
                }
            }
        }
    }

    /// What a string's bytes decode to, byte by byte: nil where JSON refuses them (a control byte, invalid UTF-8,
    /// a lone quote inside, or a backslash that starts no valid escape here).
    private func reference(_ bytes: [UInt8]) -> String? {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 { return nil }
            if byte == 0x5C {
                guard index + 1 < bytes.count else { return nil }
                switch bytes[index + 1] {
                case 0x22, 0x5C, 0x2F: output.append(bytes[index + 1])
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                default: return nil
                }
                index += 2
                continue
            }
            output.append(byte)
            index += 1
        }
        return String(validating: output, as: UTF8.self)
    }
}
