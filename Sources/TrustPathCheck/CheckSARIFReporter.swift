import TrustPathAnalysis
import TrustPathReport

/// The check as SARIF 2.1.0 for code scanning: one result per finding, located at the statement's line in the
/// checked file, with the rules `trustpath analyze` uses.
public enum CheckSARIFReporter {
    /// The report as a SARIF 2.1.0 log.
    public static func render(_ report: CheckReport) throws -> String {
        let rules = SARIFRule.all
        let results = report.findings.map { finding in
            Result(ruleId: finding.rule, ruleIndex: rules.firstIndex { $0.id == finding.rule } ?? 0, level: level(finding.severity),
                   message: Message(text: "\(finding.entry) can assume \(finding.role) through trust statement \(finding.statement)"
                        + (finding.lacks.isEmpty ? "" : " (lacks \(finding.lacks.joined(separator: ", ")))")
                        + "; reaches \(finding.reaches.count) role(s), worst: \(finding.severity.rawValue)."
                        + (finding.fix.map { " Fix: \($0)" } ?? "")),
                   locations: [Location(physicalLocation: PhysicalLocation(
                       artifactLocation: ArtifactLocation(uri: uri(finding.file),
                                                          uriBaseId: finding.file == "-" || finding.file.hasPrefix("/") ? nil : "%SRCROOT%"),
                       region: finding.line.map { Region(startLine: $0) }))],
                   partialFingerprints: ["trustpathCheck/v1": "\(finding.file)|\(finding.resource ?? finding.role)|\(finding.statement)|\(finding.entryKind):\(finding.entryId)"],
                   properties: Properties(severity: finding.severity.rawValue, securitySeverity: score(finding.severity),
                                          entry: finding.entryId, role: finding.roleArn))
        }
        let driver = Driver(name: "TrustPath", version: TrustPathVersion.current, informationUri: "https://github.com/trustpath/trustpath",
                            rules: rules.map { rule in
                                Rule(id: rule.id, name: rule.name, shortDescription: Message(text: rule.short),
                                     fullDescription: Message(text: rule.help), helpUri: rule.helpURI,
                                     help: Help(text: rule.help, markdown: rule.helpMarkdown),
                                     defaultConfiguration: Configuration(level: rule.defaultLevel),
                                     properties: RuleProperties(securitySeverity: rule.securitySeverity, tags: rule.tags))
                            })
        return try JSONOutput.encode(Log(runs: [Run(tool: Tool(driver: driver), results: results)]))
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    static func score(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        }
    }

    /// A path as a URI reference, percent-encoded: relative to where trustpath ran, or `file://` for an absolute path;
    /// standard input as `stdin`.
    static func uri(_ file: String) -> String {
        guard file != "-" else { return "stdin" }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        var encoded = ""
        for byte in file.utf8 {
            if allowed.contains(byte) { encoded.unicodeScalars.append(Unicode.Scalar(byte)) } else { encoded += "%" + hex(byte) }
        }
        if file.hasPrefix("/") { return "file://" + encoded }
        return encoded.hasPrefix("./") ? String(encoded.dropFirst(2)) : encoded
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var version: String; var informationUri: String; var rules: [Rule] }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var helpUri: String
        var help: Help
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }
    struct Help: Encodable { var text: String; var markdown: String }
    struct Configuration: Encodable { var level: String }
    struct RuleProperties: Encodable {
        var securitySeverity: String
        var tags: [String]
        enum CodingKeys: String, CodingKey { case securitySeverity = "security-severity", tags }
    }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var properties: Properties
    }
    struct Properties: Encodable {
        var severity: String
        var securitySeverity: String
        var entry: String
        var role: String
        enum CodingKeys: String, CodingKey { case severity, securitySeverity = "security-severity", entry, role }
    }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region? }
    struct ArtifactLocation: Encodable { var uri: String; var uriBaseId: String? }
    struct Region: Encodable { var startLine: Int }
}
