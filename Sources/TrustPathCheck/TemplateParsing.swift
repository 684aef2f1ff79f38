import TrustPathJSON
import TrustPathConfig
import Yams

/// Builds `TemplateNode` trees from JSON and from YAML, refusing bombs: nesting deeper than
/// `TemplateLimits.depth` and alias expansion beyond `TemplateLimits.nodes`.
struct TemplateParsing {
    let file: String
    private var visited = 0

    init(file: String) { self.file = file }

    // MARK: JSON

    mutating func node(_ value: JSONValue, at path: JSONPath = .root) throws(CheckError) -> TemplateNode {
        try count(path: path, line: nil)
        switch value {
        case .null:
            return TemplateNode(value: .null, path: path)
        case .bool(let flag):
            return TemplateNode(value: .scalar(flag ? "true" : "false"), path: path)
        case .number(let text), .string(let text):
            return TemplateNode(value: .scalar(text), path: path)
        case .array(let items):
            var nodes: [TemplateNode] = []
            for (position, item) in items.enumerated() { nodes.append(try node(item, at: path.appending(position))) }
            return TemplateNode(value: .sequence(nodes), path: path)
        case .object(let object):
            if object.members.count == 1, let member = object.members.first, Intrinsics.isIntrinsicKey(member.key) {
                guard Intrinsics.names.contains(member.key) else { throw unknownIntrinsic(member.key, path: path, line: nil) }
                return TemplateNode(value: .intrinsic(member.key, try node(member.value, at: path.appending(member.key))), path: path)
            }
            var members: [(key: String, value: TemplateNode)] = []
            for member in object.members {
                members.append((member.key, try node(member.value, at: path.appending(member.key))))
            }
            return TemplateNode(value: .mapping(members), path: path)
        }
    }

    // MARK: YAML

    /// Parses YAML text into a tree. Nesting is bounded before any node is built by libyaml's own limit (1,000
    /// levels, a parser error) and while building by `TemplateLimits.depth`; aliases are counted before parsing and
    /// their expansion bounded while building by `TemplateLimits.nodes`.
    mutating func node(yaml text: String) throws(CheckError) -> TemplateNode {
        let aliases = YAMLText.aliasCount(text)
        if aliases.count > YAMLText.aliasLimit {
            throw CheckError(file: file, line: aliases.firstLine, "\(aliases.count) YAML aliases (*name): aliases that "
                + "repeat aliases expand exponentially (an alias bomb), and CloudFormation does not accept them; refused",
                             hint: "write the values out, as `aws cloudformation package` does")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw CheckError(file: file, line: YAMLText.line(of: error), "not valid YAML: \(YAMLText.problem(of: error))",
                             hint: "fix the YAML; `cfn-lint` shows the same problem")
        } catch {
            throw CheckError(file: file, "not valid YAML: \(error)")
        }
        guard let root else { throw CheckError(file: file, "the YAML document is empty") }
        return try node(root, at: .root, depth: 0)
    }

    private mutating func node(_ yaml: Node, at path: JSONPath, depth: Int) throws(CheckError) -> TemplateNode {
        let line = yaml.mark?.line
        try count(path: path, line: line)
        guard depth < TemplateLimits.depth else {
            throw CheckError(file: file, line: line, path: path.abbreviated, "nested deeper than \(TemplateLimits.depth) levels; refused")
        }
        let tag = yaml.tag.description
        var built: TemplateNode
        switch yaml {
        case .scalar(let scalar):
            let plainNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            built = TemplateNode(value: plainNull && !tag.hasPrefix("!") ? .null : .scalar(scalar.string), path: path, line: line)
        case .sequence(let sequence):
            var nodes: [TemplateNode] = []
            for (position, element) in sequence.enumerated() {
                nodes.append(try node(element, at: path.appending(position), depth: depth + 1))
            }
            built = TemplateNode(value: .sequence(nodes), path: path, line: line)
        case .mapping(let mapping):
            var members: [(key: String, value: TemplateNode)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw CheckError(file: file, line: key.mark?.line, path: path.abbreviated, "a mapping key that is not a plain string")
                }
                var member = try node(value, at: path.appending(keyScalar.string), depth: depth + 1)
                member.keyLine = key.mark?.line
                members.append((keyScalar.string, member))
            }
            if members.count == 1, let member = members.first, Intrinsics.isIntrinsicKey(member.key) {
                guard Intrinsics.names.contains(member.key) else { throw unknownIntrinsic(member.key, path: path, line: line) }
                built = TemplateNode(value: .intrinsic(member.key, member.value), path: path, line: line)
            } else {
                built = TemplateNode(value: .mapping(members), path: path, line: line)
            }
        case .alias:
            throw CheckError(file: file, line: line, path: path.abbreviated, "an unresolved YAML alias")
        }
        if tag.hasPrefix("!"), !tag.hasPrefix("!!"), tag != "!" {
            guard let name = Intrinsics.name(forTag: tag) else { throw unknownIntrinsic(tag, path: path, line: line) }
            built = TemplateNode(value: .intrinsic(name, built), path: path, line: line)
        }
        return built
    }

    // MARK: Limits

    private mutating func count(path: JSONPath, line: Int?) throws(CheckError) {
        visited += 1
        guard visited <= TemplateLimits.nodes else {
            throw CheckError(file: file, line: line, path: path.abbreviated,
                             "the document expands to more than \(TemplateLimits.nodes) nodes (YAML aliases repeating "
                                + "a node: an alias bomb?); refused", hint: "write the template without nested aliases")
        }
    }

    private func unknownIntrinsic(_ name: String, path: JSONPath, line: Int?) -> CheckError {
        CheckError(file: file, line: line, path: path.abbreviated, "unknown intrinsic function \(name)",
                   hint: "CloudFormation knows Ref, Condition and Fn::Sub, Fn::GetAtt, Fn::Join, Fn::If, Fn::Select, "
                       + "Fn::Split, Fn::FindInMap, Fn::ImportValue, Fn::Base64, Fn::Equals, Fn::Not, Fn::And, Fn::Or, "
                       + "Fn::GetAZs, Fn::Cidr (and their ! short forms)")
    }

}
