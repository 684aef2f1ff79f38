import Foundation
import Testing
import TrustPathAnalysis
import TrustPathJSON
import TrustPathReport

/// The SARIF output against the OASIS 2.1.0 schema, plus what GitHub code scanning reads beyond the schema.
@Suite("SARIF for code scanning")
struct SARIFSchemaTests {
    static let schemaURL = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-2.1.0.json")
    static var schemaExists: Bool { FileManager.default.fileExists(atPath: schemaURL.path) }

    static func schema() throws -> JSONSchema {
        JSONSchema(root: try JSONParser.parse([UInt8](try Data(contentsOf: schemaURL))))
    }

    static func sarif(_ snapshot: String) throws -> JSONValue {
        try JSONParser.parse(try OutputFormat.sarif.render(try Demo.report(snapshot)))
    }

    @Test(.enabled(if: schemaExists, "../shared/schemas/sarif-2.1.0.json is not beside the checkout"),
          arguments: [Demo.october, Demo.november])
    func demoSARIFValidatesAgainstTheSchema(snapshot: String) throws {
        let problems = try Self.schema().validate(try Self.sarif(snapshot))
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    /// Unreadable input is reported as tool-execution notifications at the file and JSON path; still valid SARIF.
    @Test(.enabled(if: schemaExists, "../shared/schemas/sarif-2.1.0.json is not beside the checkout"))
    func inputProblemsBecomeValidNotifications() throws {
        let snapshot = HostileGAAD.load([("good.json", HostileGAAD.document([HostileGAAD.role("OpenRole")])),
                                         ("cut.json", String(HostileGAAD.document([HostileGAAD.role("Lost")]).prefix(120)))])
        let sarif = try JSONParser.parse(try OutputFormat.sarif.render(ReportBuilder.build(Analyzer.analyze(snapshot))))
        let problems = try Self.schema().validate(sarif)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let notifications = sarif["runs"]?.arrayValue?.first?["invocations"]?.arrayValue?.first?["toolExecutionNotifications"]?
            .arrayValue ?? []
        let cut = try #require(notifications.first)
        #expect(cut["level"]?.scalarText == "error")
        #expect(cut["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"]?.scalarText?
            .hasSuffix("cut.json") == true)
        #expect(cut["descriptor"]?["id"]?.scalarText == "invalid-json")
    }

    @Test(.enabled(if: schemaExists, "../shared/schemas/sarif-2.1.0.json is not beside the checkout"))
    func theValidatorRejectsWhatTheSchemaForbids() throws {
        let text = try OutputFormat.sarif.render(try Demo.report(Demo.october))
        for (good, bad) in [("\"level\" : \"error\"", "\"level\" : \"fatal\""), ("\"version\" : \"2.1.0\"", "\"version\" : \"2.0\""),
                            ("\"ruleId\"", "\"ruleIdentifier\"")] {
            let broken = try JSONParser.parse(text.replacingOccurrences(of: good, with: bad))
            #expect(!(try Self.schema().validate(broken)).isEmpty, "accepted \(bad)")
        }
    }

    @Test func rulesCarryWhatCodeScanningShows() throws {
        let rules = try Self.sarif(Demo.october)["runs"]?.arrayValue?.first?["tool"]?["driver"]?["rules"]?.arrayValue ?? []
        #expect(rules.count == 5)
        for rule in rules {
            #expect(rule["help"]?["text"]?.scalarText?.isEmpty == false)
            #expect(rule["help"]?["markdown"]?.scalarText?.contains("https://docs.aws.amazon.com/IAM/") == true)
            #expect(rule["helpUri"]?.scalarText?.hasPrefix("https://docs.aws.amazon.com/IAM/latest/UserGuide/") == true)
            #expect(["error", "warning", "note"].contains(rule["defaultConfiguration"]?["level"]?.scalarText ?? ""))
            let score = Double(rule["properties"]?["security-severity"]?.scalarText ?? "") ?? -1
            #expect((0...10).contains(score))
            #expect(rule["properties"]?["tags"]?.arrayValue?.contains(.string("security")) == true)
        }
    }

    @Test func resultsPointAtTheTrustStatementLine() throws {
        let results = try Self.sarif(Demo.october)["runs"]?.arrayValue?.first?["results"]?.arrayValue ?? []
        let report = try Demo.report(Demo.october)
        #expect(results.count == report.doors.count, "one result per door")
        for result in results {
            let physical = result["locations"]?.arrayValue?.first?["physicalLocation"]
            #expect(physical?["artifactLocation"]?["uriBaseId"]?.scalarText == "%SRCROOT%")
            #expect(physical?["artifactLocation"]?["uri"]?.scalarText?.hasPrefix("Inputs/acme-2026-10/") == true)
            #expect((Int(physical?["region"]?["startLine"]?.scalarText ?? "") ?? 0) > 1)
            #expect(result["partialFingerprints"]?["trustpathDoor/v1"]?.scalarText?.isEmpty == false)
        }
        // MonitoringCoReadOnly's trust statement opens on line 48 of the prod export.
        let vendor = results.first { $0["message"]?["text"]?.scalarText?.hasPrefix("Door: MonitoringCoReadOnly") == true }
        #expect(vendor?["locations"]?.arrayValue?.first?["physicalLocation"]?["region"]?["startLine"]?.scalarText == "48")
    }
}

extension JSONValue {
    var arrayValue: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
}
