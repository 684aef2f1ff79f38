import Foundation

/// The one JSON encoding every machine-readable output uses: pretty, sorted keys, so files diff well.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        try encodeWhole(value)
    }

    /// One encoding of the whole value (`encode(_: Report)` splits the long lists of a report across cores).
    static func encodeWhole<T: Encodable>(_ value: T, omitPairs: Bool = false) throws -> String {
        escapingInvisibleControls(String(decoding: try encoder(omitPairs: omitPairs).encode(value), as: UTF8.self)) + "\n"
    }

    static func encoder(omitPairs: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        if omitPairs { encoder.userInfo[Report.omitPairs] = true }
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// JSONEncoder escapes C0 controls but leaves DEL, the C1 controls (U+0080–U+009F, which some terminals
    /// obey) and the JavaScript line separators raw. They can only occur inside strings, where `\uXXXX` means
    /// the same thing, so a report piped to a terminal or pasted into JavaScript stays inert.
    static func escapingInvisibleControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                result.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
