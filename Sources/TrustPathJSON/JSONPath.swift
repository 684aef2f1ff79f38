/// A location inside a JSON document, written the way `jq` users read it: `$.RoleDetailList[3].AssumeRolePolicyDocument`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: a member name or an array index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public private(set) var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// The root, `$`.
    public static let root = JSONPath()

    public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }
    public func appending(_ other: JSONPath) -> JSONPath { JSONPath(components + other.components) }

    public var description: String { Self.text(components[...]) }

    /// The path for a message: whole when short, else its first and last steps around `…`, so a depth bomb's
    /// 256 levels do not drown the sentence they sit in.
    public var abbreviated: String {
        guard components.count > 12 else { return description }
        let tail = Self.text(components.suffix(3)).dropFirst()
        return Self.text(components.prefix(6)) + "…" + tail + " (\(components.count) levels)"
    }

    private static func text(_ components: ArraySlice<Component>) -> String {
        var text = "$"
        for component in components {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key):
                if isPlainName(key) {
                    text += ".\(key)"
                } else {
                    let escaped = key.flatMap { $0 == "\"" || $0 == "\\" ? ["\\", $0] : [$0] }
                    text += "[\"\(String(escaped))\"]"
                }
            }
        }
        return text
    }

    /// Keys written `.Name`: letters, digits and `_`. Export keys are ASCII, checked by byte; other text by Character.
    private static func isPlainName(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        var ascii = true
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"):
                continue
            case 0x80...: ascii = false
            default: return false
            }
        }
        return ascii || key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
