import TrustPathAnalysis
import TrustPathJSON

/// Applies fixes to trust policy documents as they stand in the export, keeping everything else as it was.
public enum TrustPolicyPatcher {
    public enum PatchError: Error, CustomStringConvertible {
        case statementNotFound(Fix)
        case unreadableDocument(String)

        public var description: String {
            switch self {
            case .statementNotFound(let fix): "statement \(fix.statement.index) of \(fix.roleName)'s trust policy is not in the file"
            case .unreadableDocument(let reason): "the trust policy cannot be read: \(reason)"
            }
        }
    }

    /// Patches a trust document value: an object, or a URL-encoded (or plain) JSON string, which stays in that form.
    public static func patch(_ document: JSONValue, with fixes: [Fix]) throws -> JSONValue {
        guard case .string(let text) = document else { return try patchObject(document, with: fixes) }
        let trimmed = text.drop { $0 == " " || $0 == "\n" }
        let encoded = !trimmed.hasPrefix("{")
        guard let json = encoded ? PercentEncoding.decode(text) : text else { throw PatchError.unreadableDocument("bad URL encoding") }
        let parsed: JSONValue
        do { parsed = try JSONParser.parse(json) } catch { throw PatchError.unreadableDocument(error.description) }
        let compact = JSONWriter.write(try patchObject(parsed, with: fixes), indent: 0)
        return .string(encoded ? PercentEncoding.encode(compact) : compact)
    }

    /// Patches a document given as a JSON object.
    public static func patchObject(_ document: JSONValue, with fixes: [Fix]) throws -> JSONValue {
        guard case .object(var object) = document else { throw PatchError.unreadableDocument("not an object") }
        for fix in fixes where !fix.splitPrincipals.isEmpty {
            try split(&object, fix: fix)
        }
        for fix in fixes where fix.splitPrincipals.isEmpty {
            switch object["Statement"] {
            case .object(let statement)? where fix.statement.index == 0:
                object.set("Statement", patchStatement(.object(statement), with: fix))
            case .array(var statements)? where statements.indices.contains(fix.statement.index):
                statements[fix.statement.index] = patchStatement(statements[fix.statement.index], with: fix)
                object.set("Statement", .array(statements))
            default:
                throw PatchError.statementNotFound(fix)
            }
        }
        return .object(object)
    }

    /// Removes the fix's principals from its statement and appends a copy of the statement for them alone,
    /// carrying the fix's conditions. Existing statement indices do not move.
    static func split(_ document: inout JSONObject, fix: Fix) throws {
        var statements: [JSONValue]
        switch document["Statement"] {
        case .object?: statements = [document["Statement"] ?? .null]
        case .array(let list)?: statements = list
        default: throw PatchError.statementNotFound(fix)
        }
        guard statements.indices.contains(fix.statement.index), case .object(var original) = statements[fix.statement.index],
              case .object(var principal)? = original["Principal"] else { throw PatchError.statementNotFound(fix) }
        let moved = Set(fix.splitPrincipals)
        let kept: [JSONValue]
        switch principal["AWS"] {
        case .string(let value)?: kept = moved.contains(value) ? [] : [.string(value)]
        case .array(let values)?: kept = values.filter { !(($0.scalarText).map(moved.contains) ?? false) }
        default: kept = []
        }
        if kept.isEmpty {
            principal.members.removeAll { $0.key == "AWS" }
        } else {
            principal.set("AWS", kept.count == 1 ? kept[0] : .array(kept))
        }
        var copy = original
        copy.members.removeAll { $0.key == "Sid" }
        copy.set("Principal", .object(JSONObject([("AWS", moved.count == 1 ? .string(fix.splitPrincipals[0])
                                                               : .array(fix.splitPrincipals.map { .string($0) }))])))
        original.set("Principal", .object(principal))
        statements[fix.statement.index] = .object(original)
        statements.append(patchStatement(.object(copy), with: fix))
        document.set("Statement", .array(statements))
    }

    static func patchStatement(_ statement: JSONValue, with fix: Fix) -> JSONValue {
        guard case .object(var object) = statement else { return statement }
        var condition: JSONObject
        if case .object(let existing)? = object["Condition"] { condition = existing } else { condition = JSONObject() }
        let removed = Set(fix.removeConditionKeys.map { $0.lowercased() })
        if !removed.isEmpty {
            condition.members = condition.members.compactMap { member in
                guard case .object(var keys) = member.value else { return member }
                keys.members.removeAll { removed.contains($0.key.lowercased()) }
                return keys.members.isEmpty ? nil : (member.key, .object(keys))
            }
        }
        for addition in fix.addConditions {
            var keys: JSONObject
            if case .object(let existing)? = condition[addition.op] { keys = existing } else { keys = JSONObject() }
            keys.members.removeAll { $0.key.lowercased() == addition.key.lowercased() }
            keys.set(addition.key, addition.values.count == 1 ? .string(addition.values[0]) : .array(addition.values.map { .string($0) }))
            condition.set(addition.op, .object(keys))
        }
        if !condition.members.isEmpty { object.set("Condition", .object(condition)) }
        if !fix.replacePrincipals.isEmpty, case .object(var principal)? = object["Principal"] {
            let swap = Dictionary(fix.replacePrincipals.map { ($0.from, $0.to) }, uniquingKeysWith: { first, _ in first })
            switch principal["AWS"] {
            case .string(let value)?: principal.set("AWS", .string(swap[value] ?? value))
            case .array(let values)?:
                principal.set("AWS", .array(values.map { value in
                    if case .string(let text) = value, let replacement = swap[text] { return .string(replacement) }
                    return value
                }))
            default: break
            }
            object.set("Principal", .object(principal))
        }
        return .object(object)
    }
}
