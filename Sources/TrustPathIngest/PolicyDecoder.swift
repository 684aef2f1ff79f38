import TrustPathJSON
import TrustPathModel

/// Turns a policy document as found in an export, a JSON object or a URL-encoded JSON string,
/// into a `PolicyDocument`, accepting every shape the policy grammar allows.
struct PolicyDecoder {
    /// Decodes the document at `path`; nil (with a diagnostic) when it cannot be read at all.
    static func decode(_ value: JSONValue, at path: JSONPath, context: inout DecodingContext) -> PolicyDocument? {
        switch value {
        case .object:
            return decodeObject(value, at: path, context: &context)
        case .string(let text):
            let trimmed = text.drop { $0 == " " || $0 == "\n" }
            let jsonText = trimmed.hasPrefix("{") ? String(trimmed) : PercentEncoding.decode(text)
            guard let jsonText else {
                context.report(.error, "bad-policy-encoding", "policy document is a string but not valid URL-encoded text",
                               at: path, hint: "export with the AWS CLI, which decodes policy documents")
                return nil
            }
            do {
                let parsed = try JSONParser.parse(jsonText)
                return decodeObject(parsed, at: path, context: &context)
            } catch {
                context.report(.error, "bad-policy-json",
                               "policy document is not JSON after URL-decoding: \(error.description)", at: path,
                               hint: "check that the export was not cut or re-encoded")
                return nil
            }
        default:
            context.wrongType(expected: "a policy document (object or URL-encoded string)", found: value, at: path,
                              consequence: "the policy is ignored")
            return nil
        }
    }

    private static func decodeObject(_ value: JSONValue, at path: JSONPath, context: inout DecodingContext) -> PolicyDocument? {
        guard case .object = value else {
            context.wrongType(expected: "an object", found: value, at: path, consequence: "the policy is ignored")
            return nil
        }
        let version = value["Version"]?.scalarText
        var statements: [Statement] = []
        switch value["Statement"] {
        case nil, .null?:
            break
        case .object?:
            if let statement = decodeStatement(value["Statement"] ?? .null, index: 0, at: path.appending("Statement"),
                                               context: &context) {
                statements.append(statement)
            }
        case .array(let elements)?:
            for (index, element) in elements.enumerated() {
                if let statement = decodeStatement(element, index: index, at: path.appending("Statement").appending(index),
                                                   context: &context) {
                    statements.append(statement)
                }
            }
        case let other?:
            context.wrongType(expected: "an object or an array of statements", found: other,
                              at: path.appending("Statement"), consequence: "the policy grants nothing")
        }
        return PolicyDocument(version: version, statements: statements)
    }

    private static func decodeStatement(_ value: JSONValue, index: Int, at path: JSONPath,
                                        context: inout DecodingContext) -> Statement? {
        guard case .object = value else {
            context.wrongType(expected: "a statement object", found: value, at: path, consequence: "statement ignored")
            return nil
        }
        guard let effectText = value["Effect"]?.scalarText,
              let effect = Effect(rawValue: effectText) ?? Effect.allCases.first(where: {
                  $0.rawValue.lowercased() == effectText.lowercased() }) else {
            context.report(.warning, "bad-effect", "statement has no valid \"Effect\" (Allow or Deny); statement ignored",
                           at: path, hint: "a policy AWS accepted always has Effect; check the export")
            return nil
        }
        guard let action = matchList(value, "Action", "NotAction", at: path, context: &context) else {
            context.report(.warning, "missing-action", "statement has neither Action nor NotAction; statement ignored", at: path)
            return nil
        }
        let resource = matchList(value, "Resource", "NotResource", at: path, context: &context)
        let principal = value["Principal"].flatMap { principalSet($0, at: path.appending("Principal"), context: &context) }
        let notPrincipal = value["NotPrincipal"].flatMap {
            principalSet($0, at: path.appending("NotPrincipal"), context: &context)
        }
        let conditions = value["Condition"].map { conditionClauses($0, at: path.appending("Condition"), context: &context) } ?? []
        return Statement(index: index, sid: value["Sid"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }, effect: effect, principal: principal,
                         notPrincipal: notPrincipal, action: action, resource: resource, conditions: conditions)
    }

    private static func matchList(_ value: JSONValue, _ key: String, _ notKey: String, at path: JSONPath,
                                  context: inout DecodingContext) -> MatchList? {
        if let positive = value[key] {
            return MatchList(context.strings(positive, at: path.appending(key)))
        }
        if let negative = value[notKey] {
            return MatchList(context.strings(negative, at: path.appending(notKey)), negated: true)
        }
        return nil
    }

    private static func principalSet(_ value: JSONValue, at path: JSONPath, context: inout DecodingContext) -> PrincipalSet? {
        if case .string(let text) = value {
            if text == "*" { return PrincipalSet(everyone: true) }
            // A bare string other than "*" is not valid grammar; AWS would read it as an AWS principal.
            context.report(.warning, "bad-principal", "Principal is the string \"\(text)\"; read as an AWS principal",
                           at: path)
            return PrincipalSet(aws: [text])
        }
        guard case .object(let object) = value else {
            context.wrongType(expected: "\"*\" or an object", found: value, at: path, consequence: "principal ignored")
            return nil
        }
        var set = PrincipalSet()
        for (key, member) in object.members {
            let values = context.strings(member, at: path.appending(key))
            switch key.lowercased() {
            case "aws":
                reportInvalidAWSPrincipals(values, at: path.appending(key), context: &context)
                set.aws += values
            case "service": set.service += validServicePrincipals(values, at: path.appending(key), context: &context)
            case "federated": set.federated += values
            case "canonicaluser": set.canonicalUser += values
            default:
                context.report(.warning, "unknown-principal-type", "unknown principal type \"\(key)\"; ignored",
                               at: path.appending(key), hint: "valid types are AWS, Service, Federated, CanonicalUser")
            }
        }
        return set
    }

    /// AWS refuses to save a principal that is not `*`, an account id, an ARN or a unique id; one in an export
    /// matches nobody, and the user should know the statement is not what it seems.
    private static func reportInvalidAWSPrincipals(_ values: [String], at path: JSONPath, context: inout DecodingContext) {
        for value in values {
            guard case .invalid = PrincipalReference(value) else { continue }
            context.report(.warning, "invalid-principal",
                           "AWS principal \"\(value)\" is not \"*\", a 12-digit account id, an IAM or STS ARN or a unique id; "
                           + "it matches nobody", at: path,
                           hint: "AWS rejects such principals; export the policy again or check it was not edited by hand")
        }
    }

    /// Service principals are DNS names (`events.amazonaws.com`); an empty one or one with a wildcard names no
    /// service, so it is dropped with a warning instead of becoming an entry.
    private static func validServicePrincipals(_ values: [String], at path: JSONPath,
                                               context: inout DecodingContext) -> [String] {
        values.filter { value in
            let valid = looksLikeService(value)
            if !valid {
                context.report(.warning, "invalid-service-principal",
                               "service principal \"\(value)\" names no AWS service; ignored", at: path,
                               hint: "service principals look like events.amazonaws.com")
            }
            return valid
        }
    }

    /// Whether a service principal has a dot and no wildcard or space.
    static func looksLikeService(_ value: String) -> Bool {
        value.containsText(".") && !value.containsText("*") && !value.containsText("?") && !value.containsText(" ")
    }

    private static func conditionClauses(_ value: JSONValue, at path: JSONPath, context: inout DecodingContext) -> [ConditionClause] {
        guard case .object(let operators) = value else {
            if value != .null {
                context.wrongType(expected: "an object", found: value, at: path, consequence: "condition ignored")
            }
            return []
        }
        var clauses: [ConditionClause] = []
        for (operatorName, keysValue) in operators.members {
            let op = ConditionOperator(operatorName)
            let operatorPath = path.appending(operatorName)
            if op.base == nil {
                context.report(.warning, "unknown-condition-operator",
                               "unknown condition operator \"\(operatorName)\"; the statement is treated as never matching",
                               at: operatorPath, hint: "AWS rejects unknown operators; check the export")
            }
            guard case .object(let keys) = keysValue else {
                context.wrongType(expected: "an object of condition keys", found: keysValue, at: operatorPath,
                                  consequence: "the statement is treated as never matching")
                clauses.append(ConditionClause(op: ConditionOperator("Invalid:" + operatorName), key: "", values: []))
                continue
            }
            for (key, values) in keys.members {
                clauses.append(ConditionClause(op: op, key: key, values: context.strings(values, at: operatorPath.appending(key))))
            }
        }
        return clauses
    }
}

extension Effect: CaseIterable {
    public static var allCases: [Effect] { [.allow, .deny] }
}
