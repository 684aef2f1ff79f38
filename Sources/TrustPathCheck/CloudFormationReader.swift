import TrustPathIngest
import TrustPathJSON
import TrustPathModel

/// The `AWS::IAM::Role` resources of a template, with the permissions the template attaches to them (inline
/// `Policies`, `ManagedPolicyArns`, `AWS::IAM::Policy`, `AWS::IAM::RolePolicy` and `AWS::IAM::ManagedPolicy`).
enum CloudFormationReader {
    static func read(_ root: TemplateNode, file: String, account: String, lines: (JSONPath) -> Int?) throws(CheckError) -> CheckedFile {
        guard case .mapping(let resources) = root["Resources"]?.value, !resources.isEmpty else {
            throw CheckError(file: file, line: root["Resources"]?.line, path: "$.Resources",
                             "a template without resources", hint: "Resources must map logical ids to resources")
        }
        var resolver = TemplateResolver(file: file, root: root, account: account)
        var result = CheckedFile(file: file, kind: .cloudFormation)
        var roles: [String: CheckedRole] = [:]
        var order: [String] = []
        var policies: [(String, TemplateNode)] = []
        func line(_ node: TemplateNode) -> Int? { node.keyLine ?? node.line ?? lines(node.path) }

        for (logicalID, resource) in resources {
            guard try created(logicalID, resource, resolver: &resolver, into: &result, line: line(resource)) else { continue }
            let properties = resource["Properties"]
            switch resource["Type"]?.scalar {
            case "AWS::IAM::Role":
                guard let trustNode = properties?["AssumeRolePolicyDocument"] else {
                    result.notes.append(CheckNote(file: file, resource: logicalID, line: line(resource),
                                                  "no AssumeRolePolicyDocument: nobody can assume the role"))
                    continue
                }
                var role = Role(arn: try resolver.roleARN(logicalID), name: try resolver.roleName(logicalID),
                                path: try resolver.path(of: logicalID), roleID: "CHECKED-\(logicalID)", account: account,
                                partition: "aws", trustPolicy: try document(trustNode, file: file, resolver: &resolver, into: &result),
                                location: SourceLocation(file: file, jsonPath: resource.path.description),
                                trustLocation: SourceLocation(file: file, jsonPath: trustNode.path.description))
                for policy in properties?["Policies"]?.elements ?? [] {
                    guard let documentNode = policy["PolicyDocument"] else { continue }
                    let name = try resolver.text(policy["PolicyName"]) ?? "inline"
                    if let document = try document(documentNode, file: file, resolver: &resolver, into: &result) {
                        role.inlinePolicies.append(InlinePolicy(name: name, document: document,
                                                                location: SourceLocation(file: file, jsonPath: documentNode.path.description)))
                    }
                }
                if let arns = properties?["ManagedPolicyArns"], case .array(let values)? = try resolver.resolve(arns) {
                    role.attachedPolicyARNs += values.compactMap(\.scalarText)
                }
                if let boundary = properties?["PermissionsBoundary"] { role.permissionsBoundaryARN = try resolver.text(boundary) }
                for tag in properties?["Tags"]?.elements ?? [] {
                    if let key = tag["Key"], let value = tag["Value"] { role.tags[try resolver.text(key)] = try resolver.text(value) }
                }
                var statementLines: [Int: Int] = [:]
                if let statements = trustNode["Statement"]?.elements {
                    for (index, statement) in statements.enumerated() {
                        statementLines[index] = statement["Principal"].flatMap(line) ?? line(statement)
                    }
                } else if let statement = trustNode["Statement"] {
                    statementLines[0] = statement["Principal"].flatMap(line) ?? line(statement)
                }
                roles[logicalID] = CheckedRole(file: file, resource: logicalID, resourceLine: line(resource), role: role,
                                               statementLines: statementLines)
                order.append(logicalID)
            case "AWS::IAM::Policy", "AWS::IAM::RolePolicy", "AWS::IAM::ManagedPolicy":
                policies.append((logicalID, resource))
            default:
                continue
            }
        }
        // After every role: a policy resource may come before the role it names.
        for (logicalID, resource) in policies {
            try attach(logicalID, resource, file: file, resolver: &resolver, roles: &roles, into: &result)
        }
        result.roles = order.compactMap { roles[$0] }
        result.notes += resolver.notes.map { CheckNote(file: file, line: $0.line, $0.message) }
        result.notes = Array(Set(result.notes)).sorted()
        return result
    }

    /// False when the resource's `Condition` is false (the resource is not created).
    private static func created(_ logicalID: String, _ resource: TemplateNode, resolver: inout TemplateResolver,
                                into result: inout CheckedFile, line: Int?) throws(CheckError) -> Bool {
        guard let condition = resource["Condition"]?.scalar else { return true }
        switch try resolver.evaluate(condition: condition, at: resource) {
        case false?:
            result.notes.append(CheckNote(file: result.file, resource: logicalID, line: line,
                                          "not created: its condition \(condition) is false with the parameters' defaults"))
            return false
        case nil:
            result.notes.append(CheckNote(file: result.file, resource: logicalID, line: line,
                                          "its condition \(condition) cannot be decided before deploy: checked as created"))
            return true
        case true?:
            return true
        }
    }

    /// A policy document of the template, resolved and read as the snapshot reader reads one.
    private static func document(_ node: TemplateNode, file: String, resolver: inout TemplateResolver,
                                 into result: inout CheckedFile) throws(CheckError) -> PolicyDocument? {
        var value = try resolver.resolve(node) ?? .null
        if case .string(let text) = value, let parsed = try? JSONParser.parse(text) { value = parsed }
        let (document, diagnostics) = PolicyDocumentReader.read(value, file: file, at: node.path)
        result.diagnostics += diagnostics
        return document
    }

    /// Adds a policy resource's document to the roles it names (`Roles`, or `RoleName` for `AWS::IAM::RolePolicy`).
    private static func attach(_ logicalID: String, _ resource: TemplateNode, file: String, resolver: inout TemplateResolver,
                               roles: inout [String: CheckedRole], into result: inout CheckedFile) throws(CheckError) {
        guard let properties = resource["Properties"], let documentNode = properties["PolicyDocument"],
              let document = try document(documentNode, file: file, resolver: &resolver, into: &result) else { return }
        var names: [String] = []
        if let list = properties["Roles"], case .array(let values)? = try resolver.resolve(list) {
            names = values.compactMap(\.scalarText)
        }
        if let single = properties["RoleName"] { names.append(try resolver.text(single)) }
        let location = SourceLocation(file: file, jsonPath: documentNode.path.description)
        if resource["Type"]?.scalar == "AWS::IAM::ManagedPolicy" {
            let arn = try resolver.managedPolicyARN(logicalID)
            result.policies.append(ManagedPolicy(arn: arn, name: logicalID, defaultDocument: document, location: location))
            for key in roles.keys where names.contains(roles[key]?.role.name ?? "") { roles[key]?.role.attachedPolicyARNs.append(arn) }
        } else {
            let name = try resolver.text(properties["PolicyName"]) ?? logicalID
            for key in roles.keys where names.contains(roles[key]?.role.name ?? "") {
                roles[key]?.role.inlinePolicies.append(InlinePolicy(name: name, document: document, location: location))
            }
        }
    }
}
