/// IAM's glob: `*` matches any run of characters (including none), `?` exactly one.
public enum Wildcard {
    public static func matches(_ pattern: String, _ text: String, ignoringCase: Bool = false) -> Bool {
        // Policies are almost always ASCII: match their bytes in place, without allocating.
        var pattern = pattern, text = text
        if let asciiResult = pattern.withUTF8({ patternBytes in
            text.withUTF8 { textBytes in asciiMatches(patternBytes, textBytes, ignoringCase: ignoringCase) }
        }) {
            return asciiResult
        }
        let patternScalars = Array((ignoringCase ? pattern.lowercased() : pattern).unicodeScalars)
        let textScalars = Array((ignoringCase ? text.lowercased() : text).unicodeScalars)
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < textScalars.count {
            if p < patternScalars.count, patternScalars[p] == "?" || patternScalars[p] == textScalars[t] {
                p += 1; t += 1
            } else if p < patternScalars.count, patternScalars[p] == "*" {
                starP = p; starT = t; p += 1
            } else if starP >= 0 {
                p = starP + 1; starT += 1; t = starT
            } else {
                return false
            }
        }
        while p < patternScalars.count, patternScalars[p] == "*" { p += 1 }
        return p == patternScalars.count
    }

    /// The same glob over ASCII bytes; nil when either side is not ASCII (then case folding needs Unicode).
    private static func asciiMatches(_ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>,
                                     ignoringCase: Bool) -> Bool? {
        guard isASCII(pattern), isASCII(text) else { return nil }
        @inline(__always) func fold(_ byte: UInt8) -> UInt8 {
            ignoringCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || fold(pattern[p]) == fold(text[t]) {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                starP = p; starT = t; p += 1
            } else if starP >= 0 {
                p = starP + 1; starT += 1; t = starT
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// True when the pattern has `*` or `?`.
    public static func hasWildcard(_ pattern: String) -> Bool {
        pattern.contains("*") || pattern.contains("?")
    }

    /// One string the pattern matches: every wildcard replaced by `filler`.
    public static func instance(of pattern: String, filler: String = "x") -> String {
        var result = ""
        for character in pattern {
            if character == "*" || character == "?" { result += filler } else { result.append(character) }
        }
        return result
    }

    /// Whether some string starting with `prefix` matches the pattern (case-insensitive),
    /// e.g. `s3:*Object` can match an action starting with `s3:Put`.
    public static func canMatch(prefix: String, pattern: String) -> Bool {
        var prefix = prefix, pattern = pattern
        if let asciiResult = prefix.withUTF8({ prefixBytes in
            pattern.withUTF8 { patternBytes in asciiCanMatch(prefix: prefixBytes, pattern: patternBytes) }
        }) {
            return asciiResult
        }
        let patternScalars = Array(pattern.lowercased().unicodeScalars)
        let prefixScalars = Array(prefix.lowercased().unicodeScalars)
        var index = 0
        for scalar in prefixScalars {
            guard index < patternScalars.count else { return false }
            if patternScalars[index] == "*" { return true }
            guard patternScalars[index] == "?" || patternScalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private static func asciiCanMatch(prefix: UnsafeBufferPointer<UInt8>, pattern: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard isASCII(prefix), isASCII(pattern) else { return nil }
        @inline(__always) func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        var index = 0
        for byte in prefix {
            guard index < pattern.count else { return false }
            if pattern[index] == UInt8(ascii: "*") { return true }
            guard pattern[index] == UInt8(ascii: "?") || fold(pattern[index]) == fold(byte) else { return false }
            index += 1
        }
        return true
    }
}
