import Foundation
import TrustPathModel
import Yams

/// Walks the YAML tree of a project file, checking every key against what it may hold, so a typo is an error
/// rather than a silently ignored setting.
struct ConfigDocument {
    let file: String
    let root: Node?

    init(text: String, file: String) throws(ConfigError) {
        self.file = file
        let aliases = YAMLText.aliasCount(text)
        guard aliases.count <= YAMLText.aliasLimit else {
            throw ConfigError(file: file, line: aliases.firstLine, keyPath: "$",
                              expected: "at most \(YAMLText.aliasLimit) YAML aliases (aliases of aliases expand exponentially)",
                              found: "\(aliases.count) aliases (*name)")
        }
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(file: file, line: YAMLText.line(of: error), keyPath: "$", expected: "valid YAML",
                              found: YAMLText.problem(of: error))
        } catch {
            throw ConfigError(file: file, keyPath: "$", expected: "valid YAML", found: "\(error)")
        }
    }

    static let topLevelKeys = ["version", "vendors", "crown-jewels", "trusted-accounts", "untrusted-accounts", "accepted-risks",
                                "identity-providers"]

    func decode() throws(ConfigError) -> ProjectConfig {
        guard let root else { return ProjectConfig() }
        let top = try mapping(root, at: "$", allowed: Self.topLevelKeys)
        var config = ProjectConfig()
        if let version = top["version"] {
            guard version.node.scalar?.string == "1" else { throw error(version.node, version.path, "version 1", found: describe(version.node)) }
        }
        if let vendors = top["vendors"] { config.vendors = try self.vendors(vendors.node, at: vendors.path) }
        if let jewels = top["crown-jewels"] {
            config.crownJewels = try sequence(jewels.node, at: jewels.path).map { item throws(ConfigError) in try crownJewel(item.node, at: item.path) }
        }
        if let trusted = top["trusted-accounts"] { config.trustedAccounts = try accounts(trusted.node, at: trusted.path) }
        if let untrusted = top["untrusted-accounts"] { config.untrustedAccounts = try accounts(untrusted.node, at: untrusted.path) }
        if let risks = top["accepted-risks"] {
            config.acceptedRisks = try sequence(risks.node, at: risks.path).map { item throws(ConfigError) in try acceptedRisk(item.node, at: item.path) }
        }
        if let providers = top["identity-providers"] {
            config.identityProviders = try identityProviders(providers.node, at: providers.path)
        }
        return config
    }

    // MARK: sections

    private func identityProviders(_ node: Node, at path: String) throws(ConfigError) -> IdentityProviderDeclarations {
        let fields = try mapping(node, at: path, allowed: ["outside", "own"])
        var declarations = IdentityProviderDeclarations()
        var seen: [String: String] = [:]
        for side in ["outside", "own"] {
            guard let field = fields[side] else { continue }
            for item in try sequence(field.node, at: field.path) {
                let value = try identityProvider(item.node, at: item.path)
                if let other = seen[value.lowercased()], other != side {
                    throw error(item.node, item.path, "a provider listed once, under outside or own",
                                found: "\"\(value)\" under both")
                }
                seen[value.lowercased()] = side
                if side == "outside" { declarations.outside.append(value) } else { declarations.own.append(value) }
            }
        }
        return declarations
    }

    /// An OIDC issuer (`host/path`, an `https://` in front is dropped) or a SAML/OIDC provider ARN.
    private func identityProvider(_ node: Node, at path: String) throws(ConfigError) -> String {
        let expected = "an OIDC issuer such as token.actions.githubusercontent.com, or a provider ARN such as "
            + "arn:aws:iam::*:saml-provider/PartnerIdP"
        var text = try string(node, at: path)
        if text.lowercased().hasPrefix("https://") { text = String(text.dropFirst("https://".count)) }
        if text.hasPrefix("arn:") {
            let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[2] == "iam",
                  parts[5].hasPrefix("saml-provider/") || parts[5].hasPrefix("oidc-provider/") else {
                throw error(node, path, expected, found: "\"\(text)\"")
            }
            return text
        }
        let host = text.split(separator: "/").first.map(String.init) ?? ""
        guard host.contains("."), !text.contains(" "), !text.contains(":") else {
            throw error(node, path, expected, found: "\"\(text)\"")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    private func vendors(_ node: Node, at path: String) throws(ConfigError) -> [String: VendorAccount] {
        guard let map = node.mapping else { throw error(node, path, "a mapping of account id to vendor name", found: describe(node)) }
        var vendors: [String: VendorAccount] = [:]
        for (key, value) in map {
            let id = try accountID(key, at: path)
            let entryPath = "\(path).\(id)"
            if let name = value.scalar?.string, !name.isEmpty {
                vendors[id] = VendorAccount(name: name)
            } else if value.mapping != nil {
                let fields = try mapping(value, at: entryPath, allowed: ["name", "source"])
                guard let name = fields["name"] else { throw error(value, entryPath + ".name", "the vendor's name", found: "nothing") }
                vendors[id] = VendorAccount(name: try string(name.node, at: name.path),
                                            source: try fields["source"].map { field throws(ConfigError) in try string(field.node, at: field.path) })
            } else {
                throw error(value, entryPath, "the vendor's name, or {name:, source:}", found: describe(value))
            }
        }
        return vendors
    }

    private func crownJewel(_ node: Node, at path: String) throws(ConfigError) -> CrownJewelRule {
        let fields = try mapping(node, at: path, allowed: ["role", "tag"])
        switch (fields["role"], fields["tag"]) {
        case (let role?, nil):
            let pattern = try string(role.node, at: role.path)
            guard pattern.hasPrefix("arn:") || pattern == "*" else {
                throw error(role.node, role.path, "a role ARN pattern such as arn:aws:iam::*:role/prod-*", found: "\"\(pattern)\"")
            }
            return .rolePattern(pattern)
        case (nil, let tag?):
            let tagFields = try mapping(tag.node, at: tag.path, allowed: ["key", "value"])
            guard let key = tagFields["key"] else { throw error(tag.node, tag.path + ".key", "the tag key", found: "nothing") }
            return .tag(key: try string(key.node, at: key.path),
                        value: try tagFields["value"].map { field throws(ConfigError) in try string(field.node, at: field.path) })
        default:
            throw error(node, path, "exactly one of role: (an ARN pattern) or tag: {key:, value:}", found: describe(node))
        }
    }

    private func acceptedRisk(_ node: Node, at path: String) throws(ConfigError) -> AcceptedRisk {
        let fields = try mapping(node, at: path, allowed: ["entry", "target", "reason", "expires"])
        func required(_ key: String, _ what: String) throws(ConfigError) -> String {
            guard let field = fields[key] else { throw error(node, "\(path).\(key)", what, found: "nothing") }
            return try string(field.node, at: field.path)
        }
        let risk = AcceptedRisk(entry: try required("entry", "the entry pattern (an account id, *, a service or provider)"),
                                target: try required("target", "the target role ARN pattern"),
                                reason: try required("reason", "why the risk is accepted"),
                                expires: try required("expires", "an expiry date YYYY-MM-DD"))
        guard Self.isDate(risk.expires) else {
            throw error(fields["expires"]?.node ?? node, "\(path).expires", "an expiry date YYYY-MM-DD", found: "\"\(risk.expires)\"")
        }
        return risk
    }

    private func accounts(_ node: Node, at path: String) throws(ConfigError) -> [String] {
        try sequence(node, at: path).map { item throws(ConfigError) in try accountID(item.node, at: item.path) }
    }

    // MARK: primitives

    struct Field { let node: Node; let path: String }

    private func mapping(_ node: Node, at path: String, allowed: [String]) throws(ConfigError) -> [String: Field] {
        guard let map = node.mapping else { throw error(node, path, "a mapping with keys " + allowed.joined(separator: ", "), found: describe(node)) }
        var fields: [String: Field] = [:]
        for (key, value) in map {
            let name = key.scalar?.string ?? ""
            let childPath = path == "$" ? name : "\(path).\(name)"
            guard allowed.contains(name) else {
                throw error(key, childPath, "one of the keys " + allowed.joined(separator: ", "), found: "unknown key \"\(name)\"")
            }
            fields[name] = Field(node: value, path: childPath)
        }
        return fields
    }

    private func sequence(_ node: Node, at path: String) throws(ConfigError) -> [Field] {
        guard let items = node.sequence else { throw error(node, path, "a list", found: describe(node)) }
        return items.enumerated().map { Field(node: $0.element, path: "\(path)[\($0.offset)]") }
    }

    private func string(_ node: Node, at path: String) throws(ConfigError) -> String {
        guard let text = node.scalar?.string, !text.isEmpty else { throw error(node, path, "a non-empty string", found: describe(node)) }
        return text
    }

    private func accountID(_ node: Node, at path: String) throws(ConfigError) -> String {
        // The raw scalar keeps leading zeros that a YAML integer would lose.
        let text = node.scalar?.string ?? ""
        guard text.count == 12, text.allSatisfy(\.isASCIIDigit) else {
            throw error(node, path, "a 12-digit AWS account id (quote it to keep leading zeros)", found: describe(node))
        }
        return text
    }

    private func error(_ node: Node, _ path: String, _ expected: String, found: String?) -> ConfigError {
        ConfigError(file: file, line: node.mark.map(\.line), keyPath: path, expected: expected, found: found)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "an empty value" : "\"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month) else { return false }
        var components = DateComponents(year: year, month: month, day: day)
        components.calendar = Calendar(identifier: .gregorian)
        return components.isValidDate && day >= 1
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
