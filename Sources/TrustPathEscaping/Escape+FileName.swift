extension Escape {
    /// A file name made from input text that stays one plain name inside the directory it is written to: letters,
    /// digits, `.`, `_`, `-`, `+`, `=`, `,` and `@` (the characters IAM names use) are kept; every other character
    /// (`/`, `\`, spaces, quotes, `$`, control characters, non-ASCII) becomes `_`. A leading `.` or `-` becomes `_`,
    /// so the name is neither hidden, `.`, `..`, nor read as an option; an empty name becomes `_`; names are cut to
    /// 200 bytes. Different inputs can give the same name: callers that write many files disambiguate with
    /// `uniqueFileNames`.
    public static func fileName(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let kept = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || ".-_+=,@".unicodeScalars.contains(scalar))
            result.unicodeScalars.append(kept ? scalar : "_")
            if result.utf8.count >= 200 { break }
        }
        if let first = result.first, first == "." || first == "-" {
            result = "_" + result.dropFirst()
        }
        return result.isEmpty ? "_" : result
    }

    /// `fileName` of each text, made distinct: a name already taken (compared without case, for case-insensitive
    /// file systems) gets `-2`, `-3`, … before its extension. `suffix` (such as `.json`) is appended to each.
    public static func uniqueFileNames(_ texts: [String], suffix: String = "") -> [String] {
        var taken: Set<String> = []
        return texts.map { text in
            let base = fileName(text)
            var candidate = base + suffix
            var counter = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "\(base)-\(counter)\(suffix)"
                counter += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }
}

extension Escape {
    /// A readable part of a file name built from several parts (a diagram named by account and role): letters,
    /// digits, `.`, `_` and `-` are kept and every other run of characters becomes one `-`. Leading dots and
    /// dashes are dropped (a leading dot would hide the file, a leading dash reads as an option) and `..` is never
    /// left; "x" when nothing is left. Unlike `fileName` it can map different inputs to one part: callers add
    /// something unique (a statement index, a hash) beside it.
    public static func fileNamePart(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let safe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-")
            if safe {
                if scalar == ".", !pendingDash, result.unicodeScalars.last == "." { continue }
                if pendingDash && !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        while result.first == "." || result.first == "-" { result.removeFirst() }
        return result.isEmpty ? "x" : result
    }
}
