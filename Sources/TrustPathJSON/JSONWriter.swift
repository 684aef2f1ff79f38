import TrustPathEscaping

/// Writes a `JSONValue` back to text, keeping member order and number spelling.
public enum JSONWriter {
    /// `indent` spaces per level; 0 writes compact JSON on one line.
    public static func write(_ value: JSONValue, indent: Int = 4) -> String {
        var output = ""
        write(value, indent: indent, level: 0, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, level: Int, into output: inout String) {
        let newline = indent > 0 ? "\n" : ""
        let pad = String(repeating: " ", count: indent * (level + 1))
        let closingPad = String(repeating: " ", count: indent * level)
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): output += quoted(text)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "[" + newline
            for (offset, element) in elements.enumerated() {
                output += pad
                write(element, indent: indent, level: level + 1, into: &output)
                output += (offset == elements.count - 1 ? "" : ",") + newline
            }
            output += closingPad + "]"
        case .object(let object):
            guard !object.members.isEmpty else { output += "{}"; return }
            output += "{" + newline
            for (offset, member) in object.members.enumerated() {
                output += pad + quoted(member.key) + (indent > 0 ? ": " : ":")
                write(member.value, indent: indent, level: level + 1, into: &output)
                output += (offset == object.members.count - 1 ? "" : ",") + newline
            }
            output += closingPad + "}"
        }
    }

    /// A JSON string literal under the project's one JSON rule (`Escape.jsonString`).
    public static func quoted(_ text: String) -> String { Escape.jsonString(text) }
}

extension JSONObject {
    /// Sets a member, replacing the last one of that name or appending a new one.
    public mutating func set(_ key: String, _ value: JSONValue) {
        if let index = members.lastIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key, value))
        }
    }
}
