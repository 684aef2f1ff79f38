import Foundation
import TrustPathJSON

/// Resolves a template's intrinsic functions into plain JSON values: parameters from their defaults, pseudo
/// parameters from the account being checked, roles' names and ARNs from their properties, conditions evaluated.
/// What cannot be known before deploy becomes a value marked unresolved, and a note says so.
struct TemplateResolver {
    let file: String
    let account: String
    let parameters: [String: TemplateNode]
    let mappings: TemplateNode?
    let conditions: [String: TemplateNode]
    let resources: [String: TemplateNode]
    private(set) var notes: [(line: Int?, message: String)] = []
    private var resolving: Set<String> = []

    /// Names, paths and conditions resolved through one another, at most this deep: far beyond real templates, far
    /// below what the stack holds.
    static let referenceDepth = 64

    /// The text that stands for a value known only at deploy time; it matches no principal and no real value.
    static func unresolvedMarker(_ what: String) -> String { "{{unresolved: \(what)}}" }

    init(file: String, root: TemplateNode, account: String) {
        self.file = file
        self.account = account
        parameters = Dictionary(root["Parameters"]?.members.map { ($0.key, $0.value) } ?? []) { _, last in last }
        mappings = root["Mappings"]
        conditions = Dictionary(root["Conditions"]?.members.map { ($0.key, $0.value) } ?? []) { _, last in last }
        resources = Dictionary(root["Resources"]?.members.map { ($0.key, $0.value) } ?? []) { _, last in last }
    }

    /// The value of `node`; nil when it is `Ref AWS::NoValue` (the member or element is left out).
    mutating func resolve(_ node: TemplateNode) throws(CheckError) -> JSONValue? {
        switch node.value {
        case .null: return .null
        case .scalar(let text): return .string(text)
        case .sequence(let elements):
            var values: [JSONValue] = []
            for element in elements { if let value = try resolve(element) { values.append(value) } }
            return .array(values)
        case .mapping(let members):
            var object = JSONObject()
            for member in members { if let value = try resolve(member.value) { object.members.append((member.key, value)) } }
            return .object(object)
        case .intrinsic(let name, let argument):
            return try intrinsic(name, argument, at: node)
        }
    }

    /// The text of an optional member; nil when it is absent.
    mutating func text(_ node: TemplateNode?) throws(CheckError) -> String? {
        guard let node else { return nil }
        return try text(node) as String
    }

    /// A resolved value as one string, for `Fn::Sub`, `Fn::Join` and names.
    mutating func text(_ node: TemplateNode) throws(CheckError) -> String {
        switch try resolve(node) {
        case .string(let text)?, .number(let text)?: return text
        case .bool(let flag)?: return flag ? "true" : "false"
        default: return unknown("a value that is not a string", at: node)
        }
    }

    private mutating func intrinsic(_ name: String, _ argument: TemplateNode, at node: TemplateNode) throws(CheckError) -> JSONValue? {
        switch name {
        case "Ref": return try reference(try literalName(argument, of: name), at: node)
        case "Fn::GetAtt": return .string(try attribute(argument, at: node))
        case "Fn::Sub": return .string(try substitute(argument, at: node))
        case "Fn::Join":
            let parts = try arguments(argument, count: 2, of: name)
            let separator = try text(parts[0])
            guard case .array(let items)? = try resolve(parts[1]) else { return .string(unknown("the list of Fn::Join", at: node)) }
            return .string(try bounded(items.map { $0.scalarText ?? Self.unresolvedMarker("a list element") }
                .joined(separator: separator), at: node))
        case "Fn::If":
            let parts = try arguments(argument, count: 3, of: name)
            let condition = try literalName(parts[0], of: name)
            guard let holds = try evaluate(condition: condition, at: node) else {
                notes.append((node.line, "condition \(condition) cannot be decided before deploy: checked with its "
                    + "value-if-true branch"))
                return try resolve(parts[1])
            }
            return try resolve(holds ? parts[1] : parts[2])
        case "Fn::Select":
            let parts = try arguments(argument, count: 2, of: name)
            guard let position = Int(try text(parts[0])), case .array(let items)? = try resolve(parts[1]) else {
                return .string(unknown("the result of Fn::Select", at: node))
            }
            guard items.indices.contains(position) else {
                throw CheckError(file: file, line: node.line, path: node.path.abbreviated,
                                 "Fn::Select index \(position) is outside the list of \(items.count)")
            }
            return items[position]
        case "Fn::Split":
            let parts = try arguments(argument, count: 2, of: name)
            let separator = try text(parts[0])
            let whole = try text(parts[1])
            guard !separator.isEmpty, !whole.contains("{{unresolved:") else { return .array([.string(unknown("the result of Fn::Split", at: node))]) }
            return .array(whole.components(separatedBy: separator).map { .string($0) })
        case "Fn::FindInMap": return try findInMap(argument, at: node)
        case "Fn::Base64": return .string(Data(try text(argument).utf8).base64EncodedString())
        case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition":
            guard let value = try evaluate(node) else { return .string(unknown("a condition", at: node)) }
            return .bool(value)
        case "Fn::ImportValue": return .string(unknown("a value another stack exports (Fn::ImportValue)", at: node))
        case "Fn::GetAZs": return .array([.string(unknown("the region's availability zones", at: node))])
        case "Fn::Cidr": return .array([.string(unknown("address blocks from Fn::Cidr", at: node))])
        default: return .string(unknown("the result of \(name)", at: node))
        }
    }

    // MARK: References

    private mutating func reference(_ name: String, at node: TemplateNode) throws(CheckError) -> JSONValue? {
        switch name {
        case "AWS::AccountId": return .string(account)
        case "AWS::Partition": return .string("aws")
        case "AWS::URLSuffix": return .string("amazonaws.com")
        case "AWS::NoValue": return nil
        case "AWS::Region", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs":
            return .string(unknown("\(name), known at deploy", at: node))
        default: break
        }
        if let parameter = parameters[name] {
            guard let fallback = parameter["Default"] else {
                return .string(unknown("parameter \(name) (it has no Default)", at: node))
            }
            // A default is a literal in CloudFormation; one written with intrinsics may not refer in circles.
            let value = try guarded("Parameter " + name) { (resolver: inout TemplateResolver) throws(CheckError) in
                try resolver.text(fallback)
            }
            let type = parameter["Type"]?.scalar ?? "String"
            if type == "CommaDelimitedList" || type.hasPrefix("List<") {
                return .array(value.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            }
            return .string(value)
        }
        guard let resource = resources[name] else {
            throw CheckError(file: file, line: node.line, path: node.path.abbreviated,
                             "Ref to \(name), which is no parameter, pseudo parameter or resource of the template",
                             hint: "check the name; CloudFormation refuses this template too")
        }
        switch resource["Type"]?.scalar {
        case "AWS::IAM::Role": return .string(try roleName(name))
        case "AWS::IAM::ManagedPolicy": return .string(try managedPolicyARN(name))
        default: return .string(unknown("Ref of resource \(name), known after deploy", at: node))
        }
    }

    private mutating func attribute(_ argument: TemplateNode, at node: TemplateNode) throws(CheckError) -> String {
        let parts: [String]
        if let dotted = argument.scalar {
            parts = dotted.split(separator: ".", maxSplits: 1).map(String.init)
        } else {
            var texts: [String] = []
            for element in try arguments(argument, count: 2, of: "Fn::GetAtt") { texts.append(try text(element)) }
            parts = texts
        }
        guard parts.count == 2, let resource = resources[parts[0]] else {
            throw CheckError(file: file, line: node.line, path: node.path.abbreviated,
                             "Fn::GetAtt of \(parts.first ?? "nothing"), which is no resource of the template",
                             hint: "write it as !GetAtt Resource.Attribute")
        }
        if resource["Type"]?.scalar == "AWS::IAM::Role", parts[1] == "Arn" { return try roleARN(parts[0]) }
        return unknown("\(parts[0]).\(parts[1]), known after deploy", at: node)
    }

    /// The role's `RoleName`, or its logical id when CloudFormation generates the name.
    mutating func roleName(_ logicalID: String) throws(CheckError) -> String {
        guard let name = resources[logicalID]?["Properties"]?["RoleName"] else { return logicalID }
        return try guarded(logicalID) { (resolver: inout TemplateResolver) throws(CheckError) in try resolver.text(name) }
    }

    mutating func roleARN(_ logicalID: String) throws(CheckError) -> String {
        "arn:aws:iam::\(account):role\(try path(of: logicalID))\(try roleName(logicalID))"
    }

    mutating func managedPolicyARN(_ logicalID: String) throws(CheckError) -> String {
        var name = logicalID
        if let node = resources[logicalID]?["Properties"]?["ManagedPolicyName"] {
            name = try guarded(logicalID) { (resolver: inout TemplateResolver) throws(CheckError) in try resolver.text(node) }
        }
        return "arn:aws:iam::\(account):policy\(try path(of: logicalID))\(name)"
    }

    /// A role's or policy's `Path`, `/` when it has none.
    mutating func path(of logicalID: String) throws(CheckError) -> String {
        guard let node = resources[logicalID]?["Properties"]?["Path"] else { return "/" }
        return try guarded("Path of " + logicalID) { (resolver: inout TemplateResolver) throws(CheckError) in try resolver.text(node) }
    }

    // MARK: Fn::Sub and Fn::FindInMap

    private mutating func substitute(_ argument: TemplateNode, at node: TemplateNode) throws(CheckError) -> String {
        var template = argument
        var variables: [String: TemplateNode] = [:]
        if let parts = argument.elements {
            guard parts.count == 2 else { throw wrongArguments("Fn::Sub", at: argument, expected: "a string, or [string, {variables}]") }
            template = parts[0]
            for member in parts[1].members { variables[member.key] = member.value }
        }
        guard let text = template.scalar else { throw wrongArguments("Fn::Sub", at: argument, expected: "a string") }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                result += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = String(rest[open.upperBound..<close])
            rest = rest[rest.index(after: close)...]
            if name.hasPrefix("!") {
                result += "${" + name.dropFirst() + "}"
            } else if let variable = variables[name] {
                result += try self.text(variable)
            } else if name.contains("."), !name.hasPrefix("AWS::") {
                let dotted = TemplateNode(value: .scalar(name), path: node.path, line: node.line)
                result += try attribute(dotted, at: node)
            } else {
                switch try reference(name, at: node) {
                case .string(let value)?: result += value
                case .array(let items)?: result += items.compactMap(\.scalarText).joined(separator: ",")
                default: break
                }
            }
            result = try bounded(result, at: node)
        }
        return try bounded(result + rest, at: node)
    }

    private mutating func findInMap(_ argument: TemplateNode, at node: TemplateNode) throws(CheckError) -> JSONValue? {
        guard let parts = argument.elements, parts.count >= 3 else {
            throw wrongArguments("Fn::FindInMap", at: argument, expected: "[MapName, TopLevelKey, SecondLevelKey]")
        }
        let keys = [try text(parts[0]), try text(parts[1]), try text(parts[2])]
        guard let found = mappings?[keys[0]]?[keys[1]]?[keys[2]] else {
            if keys.contains(where: { $0.contains("{{unresolved:") }) {
                return .string(unknown("a mapping value chosen at deploy", at: node))
            }
            throw CheckError(file: file, line: node.line, path: node.path.abbreviated,
                             "Fn::FindInMap finds nothing at Mappings.\(keys.joined(separator: "."))")
        }
        return try guarded("Mapping " + keys.joined(separator: ".")) { (resolver: inout TemplateResolver) throws(CheckError) in
            try resolver.resolve(found)
        }
    }

    // MARK: Conditions

    /// True, false, or nil when it depends on something known only at deploy.
    mutating func evaluate(condition name: String, at node: TemplateNode) throws(CheckError) -> Bool? {
        guard let condition = conditions[name] else {
            throw CheckError(file: file, line: node.line, path: node.path.abbreviated, "condition \(name) is not in Conditions")
        }
        return try guarded("Condition " + name) { (resolver: inout TemplateResolver) throws(CheckError) in try resolver.evaluate(condition) }
    }

    private mutating func evaluate(_ node: TemplateNode) throws(CheckError) -> Bool? {
        if node.members.count == 1, let name = node["Condition"]?.scalar { return try evaluate(condition: name, at: node) }
        guard case .intrinsic(let name, let argument) = node.value else {
            switch try resolve(node) {
            case .bool(let flag)?: return flag
            case .string("true")?: return true
            case .string("false")?: return false
            default: return nil
            }
        }
        switch name {
        case "Condition": return try evaluate(condition: try literalName(argument, of: name), at: node)
        case "Fn::Equals":
            let parts = try arguments(argument, count: 2, of: name)
            let left = try resolve(parts[0]), right = try resolve(parts[1])
            if [left, right].contains(where: { $0?.scalarText?.contains("{{unresolved:") ?? false }) { return nil }
            return left == right
        case "Fn::Not":
            let parts = try arguments(argument, count: 1, of: name)
            return try evaluate(parts[0]).map { !$0 }
        case "Fn::And", "Fn::Or":
            guard let parts = argument.elements, !parts.isEmpty else { throw wrongArguments(name, at: argument, expected: "a list of conditions") }
            var values: [Bool?] = []
            for part in parts { values.append(try evaluate(part)) }
            if name == "Fn::And" { return values.contains(false) ? false : values.contains(nil) ? nil : true }
            return values.contains(true) ? true : values.contains(nil) ? nil : false
        default:
            switch try resolve(node) {
            case .bool(let flag)?: return flag
            default: return nil
            }
        }
    }

    // MARK: Helpers

    private mutating func unknown(_ what: String, at node: TemplateNode) -> String {
        notes.append((node.line, "\(what): unknown before deploy, checked as a value that matches nothing"))
        return Self.unresolvedMarker(what)
    }

    /// Runs `body` for `key` unless it is already being resolved: templates can refer in circles.
    private mutating func guarded<T>(_ key: String, _ body: (inout TemplateResolver) throws(CheckError) -> T) throws(CheckError) -> T {
        guard resolving.count < Self.referenceDepth else {
            throw CheckError(file: file, path: "$.Resources", "references nest more than \(Self.referenceDepth) deep "
                + "(a role's name built from another role's ARN, and so on); refused")
        }
        guard resolving.insert(key).inserted else {
            let path = key.hasPrefix("Condition ") ? "$.Conditions.\(key.dropFirst(10))"
                : key.hasPrefix("Parameter ") ? "$.Parameters.\(key.dropFirst(10))"
                : key.hasPrefix("Mapping ") ? "$.Mappings.\(key.dropFirst(8))"
                : "$.Resources.\(key.hasPrefix("Path of ") ? String(key.dropFirst(8)) : key)"
            throw CheckError(file: file, path: path, "\(key) refers to itself through other values",
                             hint: "CloudFormation refuses circular references too")
        }
        defer { resolving.remove(key) }
        return try body(&self)
    }

    private func bounded(_ text: String, at node: TemplateNode) throws(CheckError) -> String {
        guard text.utf8.count <= TemplateLimits.stringLength else {
            throw CheckError(file: file, line: node.line, path: node.path.abbreviated,
                             "a resolved string grows over \(TemplateLimits.stringLength) bytes; refused")
        }
        return text
    }

    private func literalName(_ node: TemplateNode, of function: String) throws(CheckError) -> String {
        guard let name = node.scalar else { throw wrongArguments(function, at: node, expected: "a name") }
        return name
    }

    private func arguments(_ node: TemplateNode, count: Int, of function: String) throws(CheckError) -> [TemplateNode] {
        guard let elements = node.elements, elements.count == count else {
            throw wrongArguments(function, at: node, expected: "a list of \(count)")
        }
        return elements
    }

    private func wrongArguments(_ function: String, at node: TemplateNode, expected: String) -> CheckError {
        CheckError(file: file, line: node.line, path: node.path.abbreviated, "\(function) expects \(expected)",
                   hint: "see the CloudFormation intrinsic function reference")
    }
}
