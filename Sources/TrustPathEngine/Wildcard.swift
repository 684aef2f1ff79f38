/// IAM's glob: `*` matches any run of characters (including none), `?` exactly one.
public enum Wildcard {
    public static func matches(_ pattern: String, _ text: String, ignoringCase: Bool = false) -> Bool {
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
}
