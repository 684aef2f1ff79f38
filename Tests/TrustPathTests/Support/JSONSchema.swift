import Foundation
import TrustPathJSON

/// The part of JSON Schema draft-04 the OASIS SARIF 2.1.0 schema uses: `$ref` to local definitions, `type`,
/// `properties`, `required`, `additionalProperties`, `items`, `minItems`, `uniqueItems`, `minimum`, `maximum`,
/// `enum`, `pattern`, `anyOf`, `oneOf`, `allOf`, and the `uri` formats. Enough to catch what GitHub would refuse.
struct JSONSchema {
    let root: JSONValue

    /// Every violation, as `path: what`; empty when the document is valid.
    func validate(_ value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: root, at: "$", problems: &problems)
        return problems
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard case .string(let reference)? = schema["$ref"], reference.hasPrefix("#/") else { return schema }
        var current = root
        for part in reference.dropFirst(2).split(separator: "/") { current = current[String(part)] ?? .null }
        return resolve(current)
    }

    private func check(_ value: JSONValue, against rawSchema: JSONValue, at path: String, problems: inout [String]) {
        let schema = resolve(rawSchema)
        if let types = schema["type"] {
            let allowed: [String] = switch types {
            case .string(let one): [one]
            case .array(let many): many.compactMap(\.scalarText)
            default: []
            }
            if !allowed.contains(where: { Self.has(type: $0, value) }) {
                problems.append("\(path): expected \(allowed.joined(separator: "|")), found \(value.kindDescription)")
                return
            }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            problems.append("\(path): \(value.scalarText ?? value.kindDescription) is not one of the allowed values")
        }
        for (keyword, needsAll) in [("anyOf", false), ("oneOf", false), ("allOf", true)] {
            guard case .array(let options)? = schema[keyword] else { continue }
            let passing = options.filter { option in
                var scratch: [String] = []
                check(value, against: option, at: path, problems: &scratch)
                return scratch.isEmpty
            }.count
            let ok = needsAll ? passing == options.count : keyword == "oneOf" ? passing == 1 : passing >= 1
            if !ok { problems.append("\(path): \(keyword) not satisfied (\(passing) of \(options.count) match)") }
        }
        switch value {
        case .object(let object):
            if case .array(let required)? = schema["required"] {
                for key in required.compactMap(\.scalarText) where object[key] == nil {
                    problems.append("\(path): missing required \(key)")
                }
            }
            let properties: JSONObject = if case .object(let defined)? = schema["properties"] { defined } else { JSONObject() }
            for (key, member) in object.members {
                if let propertySchema = properties[key] {
                    check(member, against: propertySchema, at: "\(path).\(key)", problems: &problems)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional {
                        problems.append("\(path): property \(key) is not allowed")
                    } else if case .object = additional {
                        check(member, against: additional, at: "\(path).\(key)", problems: &problems)
                    }
                }
            }
        case .array(let items):
            if let minimum = schema["minItems"]?.scalarText.flatMap(Int.init), items.count < minimum {
                problems.append("\(path): \(items.count) item(s), at least \(minimum) required")
            }
            if case .bool(true)? = schema["uniqueItems"], Set(items.map { JSONWriter.write($0) }).count != items.count {
                problems.append("\(path): items are not unique")
            }
            if let itemSchema = schema["items"] {
                for (offset, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(offset)]", problems: &problems) }
            }
        case .number(let text):
            let number = Double(text) ?? 0
            if let minimum = schema["minimum"]?.scalarText.flatMap(Double.init), number < minimum {
                problems.append("\(path): \(text) is below the minimum \(minimum)")
            }
            if let maximum = schema["maximum"]?.scalarText.flatMap(Double.init), number > maximum {
                problems.append("\(path): \(text) is above the maximum \(maximum)")
            }
        case .string(let text):
            if case .string(let pattern)? = schema["pattern"], text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): \"\(text)\" does not match \(pattern)")
            }
            if case .string("uri")? = schema["format"], !Self.isURI(text) { problems.append("\(path): \"\(text)\" is not an absolute URI") }
            if case .string("uri-reference")? = schema["format"], text.contains(" ") { problems.append("\(path): \"\(text)\" is not a URI reference") }
        default:
            break
        }
    }

    private static func has(type: String, _ value: JSONValue) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): true
        case ("integer", .number(let text)): Int(text) != nil
        default: false
        }
    }

    private static func isURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, !text.contains(" ") else { return false }
        return text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}
