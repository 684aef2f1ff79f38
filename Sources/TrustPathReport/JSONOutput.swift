import Foundation
import TrustPathEscaping

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

    /// JSONEncoder escapes what the JSON grammar requires; the project's JSON rule (`Escape.appendJSONString`)
    /// also escapes the characters of `Escape.jsonEscapesBeyondGrammar` (DEL, C1 controls, U+2028/U+2029, bidi and
    /// zero-width marks), which the encoder leaves raw.
    static func escapingInvisibleControls(_ json: String) -> String { Escape.jsonEscapingBeyondGrammar(json) }
}
