import TrustPathJSON
import TrustPathModel

/// Reads typed values out of a parsed file, turning every surprise into a diagnostic that names
/// the file and the JSON path instead of failing the whole file.
struct DecodingContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ path: JSONPath) -> SourceLocation {
        SourceLocation(file: file, jsonPath: path.description)
    }

    mutating func report(_ severity: Diagnostic.Severity, _ code: String, _ message: String, at path: JSONPath,
                         hint: String? = nil) {
        diagnostics.append(Diagnostic(severity, code: code, message, at: location(path), hint: hint))
    }

    mutating func report(_ severity: Diagnostic.Severity, _ code: String, _ message: String, at location: SourceLocation,
                         hint: String? = nil) {
        diagnostics.append(Diagnostic(severity, code: code, message, at: location, hint: hint))
    }

    mutating func wrongType(expected: String, found value: JSONValue, at path: JSONPath, consequence: String) {
        report(.warning, "wrong-type", "expected \(expected), found \(value.kindDescription); \(consequence)", at: path,
               hint: "re-export the file with the AWS CLI, or fix the value at this path")
    }

    /// A required string member; nil (with a diagnostic) when missing or not a string.
    mutating func requiredString(_ object: JSONValue, _ key: String, at path: JSONPath, consequence: String) -> String? {
        guard let value = object[key] else {
            report(.warning, "missing-field", "missing \"\(key)\"; \(consequence)", at: path,
                   hint: "re-export the file with the AWS CLI")
            return nil
        }
        guard case .string(let text) = value else {
            wrongType(expected: "a string", found: value, at: path.appending(key), consequence: consequence)
            return nil
        }
        return text
    }

    /// An optional string member; a value of another type is reported and ignored.
    mutating func optionalString(_ object: JSONValue, _ key: String, at path: JSONPath) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case .string(let text) = value else {
            wrongType(expected: "a string", found: value, at: path.appending(key), consequence: "ignored")
            return nil
        }
        return text
    }

    /// The elements of a list member. A single object where a list belongs is accepted as a list of one,
    /// as the AWS CLI documentation itself shows for `AttachedManagedPolicies`.
    mutating func list(_ object: JSONValue, _ key: String, at path: JSONPath) -> [(JSONValue, JSONPath)] {
        guard let value = object[key], value != .null else { return [] }
        switch value {
        case .array(let elements):
            return elements.enumerated().map { ($0.element, path.appending(key).appending($0.offset)) }
        case .object:
            return [(value, path.appending(key))]
        default:
            wrongType(expected: "an array", found: value, at: path.appending(key), consequence: "its content is ignored")
            return []
        }
    }

    /// A string or a list of strings (policy grammar allows both); other element types are reported.
    mutating func strings(_ value: JSONValue, at path: JSONPath) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .array(let elements):
            var result: [String] = []
            for (index, element) in elements.enumerated() {
                if let text = element.scalarText { result.append(text) } else {
                    wrongType(expected: "a string", found: element, at: path.appending(index), consequence: "value ignored")
                }
            }
            return result
        default:
            if let text = value.scalarText { return [text] }
            wrongType(expected: "a string or an array of strings", found: value, at: path, consequence: "value ignored")
            return []
        }
    }

    mutating func absorb(_ other: DecodingContext) { diagnostics += other.diagnostics }
}
