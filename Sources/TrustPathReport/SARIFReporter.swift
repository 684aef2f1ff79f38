import Foundation
import TrustPathAnalysis
import TrustPathModel

/// SARIF 2.1.0: one rule per kind of weakness, one result per finding, located at the trust statement
/// where the chain enters.
public enum SARIFReporter {
    public static func render(_ report: Report) throws -> String {
        let names = DisplayNames(report)
        let base = report.snapshot.directory.hasSuffix("/") ? String(report.snapshot.directory.dropLast()) : report.snapshot.directory
        let results = report.findings.map { finding -> SARIF.Result in
            let rule = SARIFRule.rule(for: finding)
            let entryStatement = finding.hops.first?.statement
            let lacks = Set(finding.hops.flatMap(\.guardsMissing)).sorted()
            var message = "\(names.path(finding)). Target can: \(finding.severityReason)."
            if !lacks.isEmpty { message += " Lacks: \(lacks.joined(separator: ", "))." }
            let location = entryStatement.map { statement in
                SARIF.Location(
                    physicalLocation: SARIF.PhysicalLocation(artifactLocation: SARIF.ArtifactLocation(uri: uri(base, statement.file))),
                    logicalLocations: [SARIF.LogicalLocation(fullyQualifiedName: statement.jsonPath, kind: "member")])
            }
            let fixes = finding.fix.flatMap { fix in
                fix.edit.map { edit in
                    [SARIF.Fix(description: SARIF.Message(text: fix.summary), artifactChanges: [SARIF.ArtifactChange(
                        artifactLocation: SARIF.ArtifactLocation(uri: uri(base, edit.file)),
                        replacements: [SARIF.Replacement(deletedRegion: SARIF.Region(byteOffset: edit.byteOffset,
                                                                                     byteLength: edit.byteLength),
                                                         insertedContent: SARIF.Message(text: edit.replacement))])])]
                }
            }
            return SARIF.Result(ruleId: rule.id, level: level(finding.severity), message: SARIF.Message(text: message),
                                locations: location.map { [$0] } ?? [], fixes: fixes,
                                partialFingerprints: ["trustpathFinding/v1": finding.id],
                                properties: SARIF.ResultProperties(severity: finding.severity.rawValue,
                                                                   entry: finding.entry.id, target: finding.target,
                                                                   path: finding.path, state: finding.state.rawValue))
        }
        let rules = SARIFRule.all.map { rule in
            SARIF.ReportingDescriptor(id: rule.id, name: rule.name, shortDescription: SARIF.Message(text: rule.short),
                                      fullDescription: SARIF.Message(text: rule.help), helpUri: rule.helpURI,
                                      help: SARIF.Message(text: rule.help))
        }
        let log = SARIF.Log(runs: [SARIF.Run(
            tool: SARIF.Tool(driver: SARIF.Driver(name: report.tool.name, version: report.tool.version,
                                                  informationUri: report.tool.informationURI, rules: rules)),
            invocations: [invocation(report, base: base)], results: results)])
        return try JSONOutput.encode(log)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// A relative URI for the input file, percent-encoding what a URI cannot hold.
    static func uri(_ base: String, _ file: String) -> String {
        let path = base.isEmpty || base == "." ? file : base + "/" + file
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        return path.map { allowed.contains($0) ? String($0) : $0.utf8.map { String(format: "%%%02X", $0) }.joined() }.joined()
    }
}

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
        var help: Message
    }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var level: String
        var message: Message
        var locations: [Location]
        var fixes: [Fix]?
        var partialFingerprints: [String: String]
        var properties: ResultProperties
    }
    struct ResultProperties: Encodable {
        var severity: String
        var entry: String
        var target: String
        var path: [String]
        var state: String
    }
    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]
    }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation }
    struct ArtifactLocation: Encodable { var uri: String }
    struct LogicalLocation: Encodable { var fullyQualifiedName: String; var kind: String }
    struct Fix: Encodable { var description: Message; var artifactChanges: [ArtifactChange] }
    struct ArtifactChange: Encodable { var artifactLocation: ArtifactLocation; var replacements: [Replacement] }
    struct Replacement: Encodable { var deletedRegion: Region; var insertedContent: Message }
    struct Region: Encodable { var byteOffset: Int; var byteLength: Int }
}
