import Foundation
import Testing
import TrustPathConfig
import TrustPathModel

/// The project file: every section read, every mistake a clear error naming the file, the key path and what was expected.
@Suite("Project file")
struct ConfigFileTests {
    static let full = """
    version: 1
    vendors:
      "283745091623": MonitoringCo
      "008923505280": {name: Zero Leading, source: https://example.com/docs}
    crown-jewels:
      - role: "arn:aws:iam::*:role/OrgDeploy*"
      - tag: {key: data-class, value: restricted}
      - tag: {key: crown-jewel}
    trusted-accounts: ["307946673750"]
    untrusted-accounts: ["381491851702"]
    accepted-risks:
      - entry: "190466874316"
        target: "arn:aws:iam::734592018466:role/LegacyAuditReader"
        reason: Audit vendor, contract ends in January
        expires: 2027-01-31
    """

    @Test func readsEverySection() throws {
        let config = try ProjectConfigLoader.parse(Self.full, file: "trustpath.yml")
        #expect(config.vendors["283745091623"]?.name == "MonitoringCo")
        #expect(config.vendors["008923505280"] == VendorAccount(name: "Zero Leading", source: "https://example.com/docs"))
        #expect(config.crownJewels == [.rolePattern("arn:aws:iam::*:role/OrgDeploy*"), .tag(key: "data-class", value: "restricted"),
                                       .tag(key: "crown-jewel", value: nil)])
        #expect(config.trustedAccounts == ["307946673750"])
        #expect(config.untrustedAccounts == ["381491851702"])
        #expect(config.acceptedRisks == [AcceptedRisk(entry: "190466874316", target: "arn:aws:iam::734592018466:role/LegacyAuditReader",
                                                      reason: "Audit vendor, contract ends in January", expires: "2027-01-31")])
        #expect(config.source == "trustpath.yml")
    }

    @Test func builtInVendorsAreTheBaseAndTheFileOverridesThem() throws {
        #expect(try ProjectConfigLoader.parse("", file: "t.yml").vendors["464622532012"]?.name == "Datadog")
        let config = try ProjectConfigLoader.parse("vendors:\n  \"464622532012\": Our Datadog org\n", file: "t.yml")
        #expect(config.vendors["464622532012"]?.name == "Our Datadog org")
    }

    @Test func everyBuiltInVendorHasAnAccountIdAndAPublicSource() {
        #expect(KnownVendors.all.count >= 8)
        for (id, vendor) in KnownVendors.all {
            #expect(id.count == 12 && id.allSatisfy(\.isNumber), "\(id)")
            #expect(vendor.source?.hasPrefix("https://") == true, "\(vendor.name) has no source")
        }
    }

    @Test func aMissingSnapshotFileIsNoConfigButAMissingExplicitFileIsAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("tp-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let config = try ProjectConfigLoader.load(explicit: nil, snapshotDirectory: empty)
        #expect(config.source == nil && config.crownJewels.isEmpty && config.vendors == KnownVendors.all)
        #expect(throws: ConfigError(file: "/nope/trustpath.yml", keyPath: "$", expected: "a readable YAML file", found: "no such file")) {
            try ProjectConfigLoader.load(explicit: "/nope/trustpath.yml", snapshotDirectory: empty)
        }
    }

    static let mistakes: [(yaml: String, keyPath: String, expected: String, line: Int?)] = [  // lines count from 1
        ("vendor:\n  \"283745091623\": X\n", "vendor", "one of the keys", 1),
        ("vendors:\n  283745091: Short\n", "vendors", "a 12-digit AWS account id", 2),
        ("vendors: [a, b]\n", "vendors", "a mapping of account id to vendor name", 1),
        ("crown-jewels:\n  - role: OrgDeployAdmin\n", "crown-jewels[0].role", "a role ARN pattern", 2),
        ("crown-jewels:\n  - {role: \"arn:aws:iam::*:role/a\", tag: {key: k}}\n", "crown-jewels[0]", "exactly one of role", 2),
        ("crown-jewels:\n  - tag: {value: v}\n", "crown-jewels[0].tag.key", "the tag key", 2),
        ("trusted-accounts: 307946673750\n", "trusted-accounts", "a list", 1),
        ("accepted-risks:\n  - {entry: \"*\", target: \"*\", reason: r}\n", "accepted-risks[0].expires", "an expiry date", 2),
        ("accepted-risks:\n  - {entry: \"*\", target: \"*\", reason: r, expires: next week}\n", "accepted-risks[0].expires", "an expiry date", 2),
        ("accepted-risks:\n  - {entry: \"*\", target: \"*\", reason: r, expires: 2027-02-30}\n", "accepted-risks[0].expires", "an expiry date", 2),
        ("accepted-risks:\n  - {entry: \"*\", target: \"*\", reason: \"\", expires: 2027-01-01}\n", "accepted-risks[0].reason", "a non-empty string", 2),
        ("version: 2\n", "version", "version 1", 1),
        ("vendors: {\"283745091623\": [unclosed\n", "$", "valid YAML", nil),
    ]

    @Test(arguments: 0..<mistakes.count)
    func badConfigNamesFileKeyPathAndExpectation(_ index: Int) {
        let mistake = Self.mistakes[index]
        do {
            _ = try ProjectConfigLoader.parse(mistake.yaml, file: "audits/trustpath.yml")
            Issue.record("accepted \(mistake.yaml)")
        } catch {
            #expect(error.keyPath == mistake.keyPath)
            #expect(error.expected.contains(mistake.expected), "\(error.expected)")
            if let line = mistake.line { #expect(error.line == line, "line \(String(describing: error.line))") }
            #expect(error.description.hasPrefix("audits/trustpath.yml"))
            #expect(error.description.contains(mistake.keyPath))
        }
    }

    @Test func anUnknownKeySaysWhichKeysAreAllowed() {
        #expect(throws: ConfigError.self) { try ProjectConfigLoader.parse("crown_jewels: []\n", file: "t.yml") }
        do {
            _ = try ProjectConfigLoader.parse("crown_jewels: []\n", file: "t.yml")
        } catch {
            #expect(error.description.contains("unknown key \"crown_jewels\""))
            #expect(error.description.contains("crown-jewels"))
        }
    }

    /// A billion-laughs project file is refused before Yams expands it (it used to hang every command).
    @Test func anAliasBombIsRefusedNamingTheLine() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...30 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        do {
            _ = try ProjectConfigLoader.parse(lines.joined(separator: "\n"), file: "bomb.yml")
            Issue.record("an alias bomb was read")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.contains("YAML aliases"))
        }
        // A file with a few aliases is fine.
        let few = "vendors: &v\n  \"283745091623\": MonitoringCo\n"
        #expect(throws: Never.self) { try ProjectConfigLoader.parse(few, file: "ok.yml") }
    }
}
