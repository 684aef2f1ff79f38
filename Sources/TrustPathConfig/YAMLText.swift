import Yams

/// What every YAML reader of the project needs before and after Yams: aliases counted before parsing (an alias
/// bomb expands while Yams builds its tree), and Yams's errors as a line and a problem for messages.
public enum YAMLText {
    /// More aliases than a hand-written file uses: a few dozen aliases of aliases can expand exponentially.
    public static let aliasLimit = 20

    /// The YAML aliases (`*name`) in the text, counted before parsing: a quote opens only where a token starts and
    /// a comment only after a space, as in YAML. Yams compares mapping keys by value, so an alias bomb used as a
    /// key would expand while Yams parses; the count bounds what aliases can build before any node exists.
    public static func aliasCount(_ text: String) -> (count: Int, firstLine: Int) {
        var count = 0
        var firstLine = 0
        var line = 1
        var quote: UInt8? = nil
        var comment = false
        var previous = UInt8(ascii: "\n")
        for byte in text.utf8 {
            defer { previous = byte }
            if byte == UInt8(ascii: "\n") {
                line += 1
                comment = false
                continue
            }
            if comment { continue }
            if let open = quote {
                if byte == open && !(open == UInt8(ascii: "\"") && previous == UInt8(ascii: "\\")) { quote = nil }
                continue
            }
            let tokenStart = previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\n") || previous == UInt8(ascii: "\t")
                || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",")
            switch byte {
            case UInt8(ascii: "#") where tokenStart: comment = true
            case UInt8(ascii: "\"") where tokenStart: quote = byte
            case UInt8(ascii: "'") where tokenStart: quote = byte
            case UInt8(ascii: "*") where tokenStart:
                count += 1
                if firstLine == 0 { firstLine = line }
            default: break
            }
        }
        return (count, firstLine)
    }

    /// The line Yams's error points at, when it says.
    public static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    /// What Yams says is wrong, without its position.
    public static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
