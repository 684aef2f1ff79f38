import TrustPathIngest
import TrustPathJSON
import TrustPathModel

/// The `aws_iam_role` resources a Terraform plan (`terraform show -json PLAN`) creates or updates, with the inline
/// policies and policy attachments the plan gives them. `assume_role_policy` is a JSON string; a value the plan
/// marks in `after_unknown` is known only after apply and is said to be unknown.
enum TerraformPlanReader {
    static func read(_ plan: JSONValue, file: String, account: String, lines: (JSONPath) -> Int?) throws(CheckError) -> CheckedFile {
        let changesPath = JSONPath.root.appending("resource_changes")
        guard case .array(let changes) = plan["resource_changes"] ?? .array([]) else {
            throw CheckError(file: file, path: changesPath.description, "resource_changes is not a list",
                             hint: "give the output of `terraform show -json PLAN`")
        }
        var result = CheckedFile(file: file, kind: .terraformPlan)
        var roles: [CheckedRole] = []
        var attachments: [(role: String, apply: (inout Role) -> Void)] = []
        var providers: Set<String> = []
        for (position, change) in changes.enumerated() {
            let path = changesPath.appending(position)
            guard let type = change["type"]?.scalarText, let address = change["address"]?.scalarText else {
                throw CheckError(file: file, line: lines(path), path: path.description, "a resource change without type or address",
                                 hint: "give the output of `terraform show -json PLAN`")
            }
            if let provider = change["provider_name"]?.scalarText { providers.insert(provider) }
            let actions: [String]
            if case .array(let values)? = change["change"]?["actions"] { actions = values.compactMap(\.scalarText) } else { actions = [] }
            guard actions.contains("create") || actions.contains("update") else { continue }
            let after = change["change"]?["after"] ?? .null
            let unknown = change["change"]?["after_unknown"] ?? .null
            let line = lines(path)
            switch type {
            case "aws_iam_role":
                if let role = role(address, after: after, unknown: unknown, file: file, account: account, line: line,
                                   path: path, into: &result) {
                    roles.append(role)
                }
            case "aws_iam_role_policy":
                guard let roleName = after["role"]?.scalarText, let document = policy(after["policy"], path: path, file: file,
                                                                                     into: &result) else { continue }
                let name = after["name"]?.scalarText ?? address
                let location = SourceLocation(file: file, jsonPath: path.description)
                attachments.append((roleName, { $0.inlinePolicies.append(InlinePolicy(name: name, document: document, location: location)) }))
            case "aws_iam_role_policy_attachment":
                guard let roleName = after["role"]?.scalarText, let arn = after["policy_arn"]?.scalarText else {
                    result.notes.append(CheckNote(file: file, resource: address, line: line,
                                                  "the attached policy or role is known only after apply: not counted"))
                    continue
                }
                attachments.append((roleName, { $0.attachedPolicyARNs.append(arn) }))
            default:
                continue
            }
        }
        if roles.isEmpty, !providers.isEmpty, !providers.contains(where: isAWSProvider) {
            throw CheckError(file: file, path: changesPath.description,
                             "a plan of another provider (\(providers.sorted().joined(separator: ", "))): no AWS resource changes",
                             hint: "trustpath check reads aws_iam_role changes of the hashicorp/aws provider")
        }
        if roles.isEmpty {
            result.notes.append(CheckNote(file: file, "the plan creates or updates no aws_iam_role"))
        }
        for (roleName, apply) in attachments {
            for index in roles.indices where roles[index].role.name == roleName { apply(&roles[index].role) }
        }
        result.roles = roles
        return result
    }

    private static func isAWSProvider(_ name: String) -> Bool {
        name == "aws" || name.hasSuffix("/aws")
    }

    private static func role(_ address: String, after: JSONValue, unknown: JSONValue, file: String, account: String,
                             line: Int?, path: JSONPath, into result: inout CheckedFile) -> CheckedRole? {
        if unknown["assume_role_policy"] == .bool(true) {
            result.notes.append(CheckNote(file: file, resource: address, line: line,
                                          "assume_role_policy is known only after apply: the role's trust is not checked"))
            return nil
        }
        guard let document = policy(after["assume_role_policy"], path: path, file: file, into: &result) else {
            result.notes.append(CheckNote(file: file, resource: address, line: line, "no assume_role_policy: not checked"))
            return nil
        }
        var name = after["name"]?.scalarText ?? ""
        if name.isEmpty {
            name = address
            result.notes.append(CheckNote(file: file, resource: address, line: line,
                                          "the role's name is known only after apply: checked under its address"))
        }
        let rolePath = after["path"]?.scalarText ?? "/"
        var role = Role(arn: "arn:aws:iam::\(account):role\(rolePath)\(name)", name: name, path: rolePath,
                        roleID: "CHECKED-\(address)", account: account, partition: "aws", trustPolicy: document,
                        location: SourceLocation(file: file, jsonPath: path.description),
                        trustLocation: SourceLocation(file: file, jsonPath: path.appending("change").appending("after")
                            .appending("assume_role_policy").description))
        if case .array(let arns)? = after["managed_policy_arns"] { role.attachedPolicyARNs = arns.compactMap(\.scalarText) }
        if case .array(let inline)? = after["inline_policy"] {
            for entry in inline {
                if let document = policy(entry["policy"], path: path, file: file, into: &result) {
                    role.inlinePolicies.append(InlinePolicy(name: entry["name"]?.scalarText ?? "inline", document: document,
                                                            location: SourceLocation(file: file, jsonPath: path.description)))
                }
            }
        }
        if let boundary = after["permissions_boundary"]?.scalarText, !boundary.isEmpty { role.permissionsBoundaryARN = boundary }
        if case .object(let tags)? = after["tags"] {
            for member in tags.members { role.tags[member.key] = member.value.scalarText ?? "" }
        }
        let statements: Int = role.trustPolicy?.statements.map(\.index).max().map { $0 + 1 } ?? 0
        let lines = Dictionary(uniqueKeysWithValues: (0..<statements).compactMap { index in line.map { (index, $0) } })
        return CheckedRole(file: file, resource: address, resourceLine: line, role: role, statementLines: lines)
    }

    /// A policy held as a JSON string (or, from some tools, an object).
    private static func policy(_ value: JSONValue?, path: JSONPath, file: String, into result: inout CheckedFile) -> PolicyDocument? {
        guard var value, value != .null else { return nil }
        if case .string(let text) = value {
            guard !text.isEmpty else { return nil }
            do {
                value = try JSONParser.parse(text)
            } catch {
                result.diagnostics.append(Diagnostic(.error, code: "bad-policy-json", "the policy is not JSON: \(error.description)",
                                                     at: SourceLocation(file: file, jsonPath: path.description)))
                return nil
            }
        }
        let (document, diagnostics) = PolicyDocumentReader.read(value, file: file, at: path)
        result.diagnostics += diagnostics
        return document
    }
}
