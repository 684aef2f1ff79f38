/// The slice of SARIF 2.1.0 TrustPath writes.
enum SARIF {
    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    struct Run: Encodable { var tool: Tool; var invocations: [Invocation]; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }
    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var helpUri: String
        var help: MarkdownMessage
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }
    struct Configuration: Encodable { var level: String }
    struct RuleProperties: Encodable {
        var securitySeverity: String
        var tags: [String]
        enum CodingKeys: String, CodingKey { case securitySeverity = "security-severity", tags }
    }
    struct Message: Encodable { var text: String }
    struct MarkdownMessage: Encodable { var text: String; var markdown: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var fixes: [Fix]?
        var partialFingerprints: [String: String]
        var properties: ResultProperties
    }
    struct ResultProperties: Encodable {
        var severity: String
        var securitySeverity: String
        var entry: String
        var target: String
        var path: [String]
        var state: String
        enum CodingKeys: String, CodingKey { case severity, securitySeverity = "security-severity", entry, target, path, state }
    }
    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]
    }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: TextRegion? }
    struct ArtifactLocation: Encodable { var uri: String; var uriBaseId: String? }
    struct TextRegion: Encodable { var startLine: Int; var startColumn: Int }
    struct LogicalLocation: Encodable { var fullyQualifiedName: String; var kind: String }
    struct Fix: Encodable { var description: Message; var artifactChanges: [ArtifactChange] }
    struct ArtifactChange: Encodable { var artifactLocation: ArtifactLocation; var replacements: [Replacement] }
    struct Replacement: Encodable { var deletedRegion: Region; var insertedContent: Message }
    struct Region: Encodable { var byteOffset: Int; var byteLength: Int }
}
