import TrustPathAnalysis
import TrustPathEscaping
import TrustPathModel

/// The file name of each door's diagram: says the account, the role and the statement, is safe on every file system
/// (ASCII letters, digits, `.`, `_`, `-`; no leading `.` or `-`; bounded length), and is stable across runs. The
/// reports and the renderer both call `files`, so a report names exactly the file `render` writes.
public enum DoorDiagramName {
    /// The folder of the per-door diagrams, inside the diagram directory.
    public static let directory = "doors"
    /// The format the reports name; the `.dot` and `.png` beside it share its base name.
    public static let reportedExtension = "svg"
    /// Longest role part kept: IAM role names have at most 64 characters.
    static let roleLimit = 64

    /// `doors/door-ACCOUNT-ROLE-sINDEX` for every door, without extension. Names that would clash (after
    /// sanitizing, compared without case, as macOS and Windows do) get a hash of the door's id appended; the
    /// hash depends on the door alone, so which doors clash never depends on their order.
    public static func files(_ keys: [DoorKey]) -> [DoorKey: String] {
        var bases: [DoorKey: String] = [:]
        var uses: [String: Int] = [:]
        for key in Set(keys) {
            let name = base(key)
            bases[key] = name
            uses[name.lowercased(), default: 0] += 1
        }
        var files: [DoorKey: String] = [:]
        var taken: Set<String> = []
        // Sorted, so that a name built to match another's hashed name loses the same way every run.
        for key in bases.keys.sorted() {
            let name = bases[key] ?? ""
            var unique = (uses[name.lowercased()] ?? 0) > 1 ? name + "-" + hash(key.description) : name
            var counter = 1
            while !taken.insert(unique.lowercased()).inserted {
                counter += 1
                unique = name + "-" + hash(key.description) + "-\(counter)"
            }
            files[key] = directory + "/" + unique
        }
        return files
    }

    /// The path a report names: `doors/door-….svg`.
    public static func reported(_ file: String) -> String { file + "." + reportedExtension }

    /// `door-ACCOUNT-ROLE-sINDEX`, before collisions are resolved.
    static func base(_ key: DoorKey) -> String {
        let arn = ARN(key.role)
        let account = Escape.fileNamePart(arn?.account ?? "")
        // The role's name without its path: the name alone is unique within the account.
        let name = arn?.resourceName ?? key.role
        let role = String(Escape.fileNamePart(name).prefix(roleLimit))
        return "door-" + [account, role].filter { !$0.isEmpty && $0 != "x" }.joined(separator: "-") + "-s\(max(key.statement, 0))"
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, the first 12 hex digits: stable across runs and platforms, unlike `hashValue`.
    public static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12))
    }
}
