import TrustPathJSON

/// A CloudFormation template as a tree, from JSON or YAML alike: intrinsic functions (`!Sub`, `Fn::Sub`, `Ref`, …)
/// are nodes of their own, and every node knows its path and, from YAML, its line.
struct TemplateNode: Sendable {
    indirect enum Value: Sendable {
        case null
        case scalar(String)
        case sequence([TemplateNode])
        case mapping([(key: String, value: TemplateNode)])
        /// `Ref`, `Condition` or `Fn::…`, with its argument.
        case intrinsic(String, TemplateNode)
    }

    var value: Value
    var path: JSONPath
    /// 1-based; nil for JSON input, whose lines are looked up from the path when needed.
    var line: Int?
    /// From YAML, the line of the key this node is the value of (`Principal:` when the value starts below it).
    var keyLine: Int?

    subscript(key: String) -> TemplateNode? {
        if case .mapping(let members) = value { return members.last { $0.key == key }?.value }
        return nil
    }

    var scalar: String? {
        if case .scalar(let text) = value { return text }
        return nil
    }

    var members: [(key: String, value: TemplateNode)] {
        if case .mapping(let members) = value { return members }
        return []
    }

    var elements: [TemplateNode]? {
        if case .sequence(let elements) = value { return elements }
        return nil
    }
}

/// The intrinsic functions a template may use: the long names, and the YAML short-form tags that stand for them.
enum Intrinsics {
    static let names: Set<String> = [
        "Ref", "Condition", "Fn::Sub", "Fn::GetAtt", "Fn::Join", "Fn::If", "Fn::Select", "Fn::Split", "Fn::FindInMap",
        "Fn::ImportValue", "Fn::Base64", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Fn::GetAZs", "Fn::Cidr",
        "Fn::Length", "Fn::ToJsonString", "Fn::Transform",
    ]

    /// `!Sub` → `Fn::Sub`, `!Ref` → `Ref`, `!Condition` → `Condition`; nil for a tag that is no intrinsic.
    static func name(forTag tag: String) -> String? {
        guard tag.hasPrefix("!"), tag.count > 1, !tag.hasPrefix("!!") else { return nil }
        let bare = String(tag.dropFirst())
        let name = bare == "Ref" || bare == "Condition" ? bare : "Fn::" + bare
        return names.contains(name) ? name : nil
    }

    /// True for a single-key mapping whose key names an intrinsic (`{"Fn::Sub": …}`, `{"Ref": …}`).
    static func isIntrinsicKey(_ key: String) -> Bool {
        key == "Ref" || key.hasPrefix("Fn::")
    }
}

/// Limits that keep a hostile template from exhausting memory or the stack.
enum TemplateLimits {
    /// Nesting deeper than any real template (the JSON reader's own limit is the same).
    static let depth = 256
    /// Nodes after YAML aliases are followed: an alias bomb expands far beyond this.
    static let nodes = 500_000
    /// Longest string the resolver builds (`Fn::Join`/`Fn::Sub` can double a string at each level).
    static let stringLength = 1 << 20
    /// Largest input file read.
    static let fileSize = 64 << 20
}
