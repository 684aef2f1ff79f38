import TrustPathJSON
import TrustPathModel

/// Decodes the users, groups, roles and managed policies of an authorization-details export
/// (and the roles of `list-roles` / `get-role`), one entity at a time.
struct EntityDecoder {
    var context: DecodingContext

    mutating func role(_ value: JSONValue, at path: JSONPath) -> Role? {
        guard case .object = value else {
            context.wrongType(expected: "a role object", found: value, at: path, consequence: "role ignored")
            return nil
        }
        guard let arnText = context.requiredString(value, "Arn", at: path, consequence: "role ignored"),
              let arn = ARN(arnText) else {
            if value["Arn"] != nil {
                context.report(.warning, "bad-arn", "role \"Arn\" is not an ARN; role ignored", at: path.appending("Arn"))
            }
            return nil
        }
        let name = context.optionalString(value, "RoleName", at: path) ?? arn.resourceName
        var trust: PolicyDocument?
        let trustPath = path.appending("AssumeRolePolicyDocument")
        if let trustValue = value["AssumeRolePolicyDocument"], trustValue != .null {
            trust = PolicyDecoder.decode(trustValue, at: trustPath, context: &context)
        } else {
            context.report(.note, "missing-trust-policy",
                           "role \(name) has no AssumeRolePolicyDocument; nobody is treated as able to assume it", at: path,
                           hint: "use get-account-authorization-details, which always includes trust policies")
        }
        return Role(arn: arnText, name: name, path: context.optionalString(value, "Path", at: path) ?? "/",
                    roleID: context.optionalString(value, "RoleId", at: path) ?? "", account: arn.account,
                    partition: arn.partition, trustPolicy: trust,
                    inlinePolicies: inlinePolicies(value, "RolePolicyList", at: path),
                    attachedPolicyARNs: attachedPolicies(value, at: path),
                    permissionsBoundaryARN: boundary(value, at: path), tags: tags(value, at: path),
                    location: context.location(path), trustLocation: context.location(trustPath),
                    lastUsed: roleLastUsed(value, at: path), maxSessionDuration: maxSessionDuration(value, at: path))
    }

    mutating func user(_ value: JSONValue, at path: JSONPath) -> User? {
        guard case .object = value else {
            context.wrongType(expected: "a user object", found: value, at: path, consequence: "user ignored")
            return nil
        }
        guard let arnText = context.requiredString(value, "Arn", at: path, consequence: "user ignored"),
              let arn = ARN(arnText) else { return nil }
        let groups = context.list(value, "GroupList", at: path).compactMap { element, elementPath -> String? in
            if case .string(let name) = element { return name }
            // Some exporters write group objects instead of names.
            if let name = element["GroupName"]?.scalarText { return name }
            context.wrongType(expected: "a group name", found: element, at: elementPath, consequence: "ignored")
            return nil
        }
        return User(arn: arnText, name: context.optionalString(value, "UserName", at: path) ?? arn.resourceName,
                    userID: context.optionalString(value, "UserId", at: path) ?? "", account: arn.account,
                    inlinePolicies: inlinePolicies(value, "UserPolicyList", at: path),
                    attachedPolicyARNs: attachedPolicies(value, at: path), groupNames: groups,
                    permissionsBoundaryARN: boundary(value, at: path), location: context.location(path))
    }

    mutating func group(_ value: JSONValue, at path: JSONPath) -> Group? {
        guard case .object = value else {
            context.wrongType(expected: "a group object", found: value, at: path, consequence: "group ignored")
            return nil
        }
        guard let arnText = context.requiredString(value, "Arn", at: path, consequence: "group ignored"),
              let arn = ARN(arnText) else { return nil }
        return Group(arn: arnText, name: context.optionalString(value, "GroupName", at: path) ?? arn.resourceName,
                     account: arn.account, inlinePolicies: inlinePolicies(value, "GroupPolicyList", at: path),
                     attachedPolicyARNs: attachedPolicies(value, at: path), location: context.location(path))
    }

    /// A managed policy with only its default version's document kept.
    mutating func managedPolicy(_ value: JSONValue, at path: JSONPath) -> ManagedPolicy? {
        guard case .object = value else {
            context.wrongType(expected: "a policy object", found: value, at: path, consequence: "policy ignored")
            return nil
        }
        guard let arn = context.requiredString(value, "Arn", at: path, consequence: "policy ignored") else { return nil }
        let defaultVersion = context.optionalString(value, "DefaultVersionId", at: path)
        var document: PolicyDocument?
        var found = false
        for (version, versionPath) in context.list(value, "PolicyVersionList", at: path) {
            let isDefault = version["IsDefaultVersion"] == .bool(true)
                || (defaultVersion != nil && version["VersionId"]?.scalarText == defaultVersion)
            guard isDefault, let documentValue = version["Document"] else { continue }
            document = PolicyDecoder.decode(documentValue, at: versionPath.appending("Document"), context: &context)
            found = true
            break
        }
        if !found {
            context.report(.warning, "no-default-version", "managed policy \(arn) has no default version document; it grants nothing here",
                           at: path, hint: "export with get-account-authorization-details, which lists policy versions")
        }
        return ManagedPolicy(arn: arn, name: context.optionalString(value, "PolicyName", at: path) ?? arn,
                             defaultDocument: document, location: context.location(path))
    }

    private mutating func inlinePolicies(_ value: JSONValue, _ key: String, at path: JSONPath) -> [InlinePolicy] {
        context.list(value, key, at: path).compactMap { element, elementPath in
            let name = element["PolicyName"]?.scalarText ?? "(unnamed)"
            guard let documentValue = element["PolicyDocument"] else {
                context.report(.warning, "missing-field", "inline policy \(name) has no PolicyDocument; ignored", at: elementPath)
                return nil
            }
            let documentPath = elementPath.appending("PolicyDocument")
            guard let document = PolicyDecoder.decode(documentValue, at: documentPath, context: &context) else { return nil }
            return InlinePolicy(name: name, document: document, location: context.location(documentPath))
        }
    }

    private mutating func attachedPolicies(_ value: JSONValue, at path: JSONPath) -> [String] {
        context.list(value, "AttachedManagedPolicies", at: path).compactMap { element, elementPath in
            guard let arn = element["PolicyArn"]?.scalarText else {
                context.report(.warning, "missing-field", "attached policy without PolicyArn; ignored", at: elementPath)
                return nil
            }
            return arn
        }
    }

    private mutating func boundary(_ value: JSONValue, at path: JSONPath) -> String? {
        guard let boundary = value["PermissionsBoundary"], boundary != .null else { return nil }
        return boundary["PermissionsBoundaryArn"]?.scalarText
    }

    private mutating func tags(_ value: JSONValue, at path: JSONPath) -> [String: String] {
        var result: [String: String] = [:]
        for (tag, _) in context.list(value, "Tags", at: path) {
            if let key = tag["Key"]?.scalarText { result[key] = tag["Value"]?.scalarText ?? "" }
        }
        return result
    }
}
