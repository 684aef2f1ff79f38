import TrustPathAnalysis
import TrustPathModel
import TrustPathReport

/// File names for per-finding diagrams: readable, safe on every file system, stable across runs (from the
/// finding's identity, never its rank), and distinct even when two names sanitize alike (a hash of the id).
public enum DiagramFileName {
    /// `finding-<entry>--<account>-<role>-<hash>`, without extension.
    public static func finding(_ finding: Finding) -> String {
        let entry = finding.entry.kind == .public ? "public" : finding.entry.kind.rawValue + "-" + shortEntry(finding.entry)
        let role = ARN(finding.target).map { "\($0.account)-\($0.resourceName)" } ?? finding.target
        let readable = String(sanitize("\(entry)--\(role)").prefix(96))
        return "finding-\(readable)-\(hash(finding.id))"
    }

    /// Letters, digits, `.`, `_` and `-`; every other run of characters becomes one `-`.
    static func sanitize(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let safe = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-")
            if safe {
                if pendingDash && !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        // A leading dot would hide the file, a leading dash reads as an option; `..` alone means something else.
        while result.first == "." || result.first == "-" { result.removeFirst() }
        return result.isEmpty ? "x" : result
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, the first 12 hex digits: stable across runs and platforms, unlike `hashValue`.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12))
    }

    private static func shortEntry(_ entry: Entry) -> String {
        switch entry.kind {
        case .federated: FederatedNames.short(entry.id)
        default: entry.id
        }
    }
}
