import Foundation
import TrustPathAnalysis
import TrustPathModel

/// SARIF 2.1.0 as GitHub code scanning takes it: one rule per kind of weakness, one result per door, located at
/// the trust statement where chains enter.
public enum SARIFReporter {
    /// The base the locations' relative URIs are resolved against: the directory `trustpath` ran in
    /// (for code scanning, the checkout).
    static let sourceRoot = "%SRCROOT%"

    public static func render(_ report: Report) throws -> String {
        try render(report, handWritten: true)
    }

    /// `handWritten: false` encodes the results with the rest, as the generic encoder does: what tests compare with.
    static func render(_ report: Report, handWritten: Bool) throws -> String {
        let names = DisplayNames(report)
        let base = report.snapshot.directory.hasSuffix("/") ? String(report.snapshot.directory.dropLast()) : report.snapshot.directory
        let results = report.doors.map { door -> SARIF.Result in
            let rule = SARIFRule.rule(for: door)
            var message = "Door: \(names.role(door.role)) trust statement \(door.statement)"
                + (door.sid.map { " (\($0))" } ?? "") + " lets "
                + door.entries.map { names.entry(Entry(kind: $0.kind, id: $0.id, name: $0.name)) }.joined(separator: ", ")
                + " in. Behind it: \(DoorText.behind(door)); worst: \(door.severityReason)."
            let lacks = Set(door.entries.flatMap(\.lacks)).sorted()
            if !lacks.isEmpty { message += " Lacks: \(lacks.joined(separator: ", "))." }
            if let worst = door.top.first { message += " Shortest path to the worst: \(DoorText.path(worst, door: door, names: names))." }
            for note in door.entries.compactMap(\.note) { message += " \(note)" }
            let location = SARIF.Location(
                physicalLocation: SARIF.PhysicalLocation(
                    artifactLocation: artifact(base, door.file),
                    region: door.region.map { SARIF.TextRegion(startLine: $0.startLine, startColumn: $0.startColumn) }),
                logicalLocations: [SARIF.LogicalLocation(fullyQualifiedName: "\(door.role)#\(door.statement)", kind: "member")])
            let fixes = door.fix.flatMap { fix in
                fix.edit.map { edit in
                    [SARIF.Fix(description: SARIF.Message(text: fix.summary), artifactChanges: [SARIF.ArtifactChange(
                        artifactLocation: artifact(base, edit.file),
                        replacements: [SARIF.Replacement(deletedRegion: SARIF.Region(byteOffset: edit.byteOffset,
                                                                                     byteLength: edit.byteLength),
                                                         insertedContent: SARIF.Message(text: edit.replacement))])])]
                }
            }
            return SARIF.Result(ruleId: rule.id, ruleIndex: SARIFRule.all.firstIndex { $0.id == rule.id } ?? 0,
                                level: level(door.severity), message: SARIF.Message(text: message),
                                locations: [location], fixes: fixes,
                                partialFingerprints: ["trustpathDoor/v1": door.id],
                                properties: SARIF.ResultProperties(severity: door.severity.rawValue,
                                                                   securitySeverity: securitySeverity(door.severity),
                                                                   entry: door.entries.map(\.id).joined(separator: ","),
                                                                   target: door.top.first?.target ?? door.role,
                                                                   path: door.top.first?.path ?? [], state: door.state.rawValue))
        }
        let rules = SARIFRule.all.map { rule in
            SARIF.ReportingDescriptor(id: rule.id, name: rule.name, shortDescription: SARIF.Message(text: rule.short),
                                      fullDescription: SARIF.Message(text: rule.help), helpUri: rule.helpURI,
                                      help: SARIF.MarkdownMessage(text: rule.help, markdown: rule.helpMarkdown),
                                      defaultConfiguration: SARIF.Configuration(level: rule.defaultLevel),
                                      properties: SARIF.RuleProperties(securitySeverity: rule.securitySeverity, tags: rule.tags))
        }
        let log = SARIF.Log(runs: [SARIF.Run(
            tool: SARIF.Tool(driver: SARIF.Driver(name: report.tool.name, version: report.tool.version,
                                                  informationUri: report.tool.informationURI, rules: rules)),
            invocations: [invocation(report, base: base)], results: [])])
        // The results, one per door, are written by hand on every core and spliced in (see JSONOutput).
        let spliced = JSONOutput.SplicedList(key: "results", depth: 3, items: JSONOutput.slices(results, depth: 4))
        if handWritten, let text = JSONOutput.splice([spliced], into: try JSONOutput.encode(log)) { return text }
        var whole = log
        whole.runs[0].results = results
        return try JSONOutput.encode(whole)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// GitHub's scale: 9.0 and up is critical, 7.0 high, 4.0 medium, below that low.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        }
    }

    /// A relative path resolves against `%SRCROOT%`; an absolute one becomes a `file:` URI.
    static func artifact(_ base: String, _ file: String) -> SARIF.ArtifactLocation {
        let path = base.isEmpty || base == "." ? file : base + "/" + file
        return path.hasPrefix("/") ? SARIF.ArtifactLocation(uri: "file://" + encode(path), uriBaseId: nil)
            : SARIF.ArtifactLocation(uri: encode(path), uriBaseId: sourceRoot)
    }

    /// Percent-encodes what a URI cannot hold.
    static func encode(_ path: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        return path.map { allowed.contains($0) ? String($0) : $0.utf8.map { String(format: "%%%02X", $0) }.joined() }.joined()
    }
}
