import ArgumentParser
import Foundation
import TrustPathSynthetic

/// Generates a synthetic organization and times every stage of the analysis on it.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustpath-bench",
        abstract: "Generate a synthetic organization and time load, evaluate, search, remediate, report and render on it.",
        discussion: """
        One organization per run, so the peak memory reported is this size's own. Examples:
          swift run -c release trustpath-bench --accounts 100
          swift run -c release trustpath-bench --accounts 1000 --directory /tmp/org-1000 --keep
          swift run -c release trustpath-bench --accounts 10 --generate-only --directory /tmp/org-10
          swift run -c release trustpath-bench --accounts 200 --cloudtrail-month --directory /tmp/trail-200 --keep
        """
    )

    @Option(help: """
        The kind of estate: sparse (what real estates mostly show), hub (hub roles that may assume any role, \
        organization-wide trusts: one door leads to most roles) or dense-account (one account whose roles mostly trust \
        its root and whose principals mostly may assume any role).
        """)
    var profile: OrganizationShape.Profile = .sparse
    @Option(help: "Accounts in the organization.") var accounts: Int = 100
    @Option(help: "Roles per account.") var rolesPerAccount: Int = 100
    @Option(help: "Users per account.") var usersPerAccount: Int = 20
    @Option(help: "Versions kept of the largest AWS managed policy (export size).") var policyVersions: Int = 40
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: "Write the organization here (default: a new temporary directory).") var directory: String?
    @Flag(help: "Keep the generated directory.") var keep = false
    @Flag(help: "Only generate the organization.") var generateOnly = false
    @Flag(help: "Use the organization already in --directory (generated before with the same options).") var reuse = false
    @Flag(help: "Also render the overview diagram to SVG with Graphviz.") var svg = false
    @Flag(help: "Print the result as one JSON line instead of a Markdown table row.") var json = false
    @OptionGroup(title: "CloudTrail") var cloudTrail: CloudTrailBenchOptions

    func validate() throws {
        guard accounts >= (profile == .denseAccount ? 1 : 2) else { throw ValidationError("--accounts must be at least 2") }
        guard rolesPerAccount >= 8 else { throw ValidationError("--roles-per-account must be at least 8") }
    }

    func run() throws {
        let shape = OrganizationShape(accounts: accounts, rolesPerAccount: rolesPerAccount, usersPerAccount: usersPerAccount,
                                      seed: seed, managedPolicyVersions: policyVersions, profile: profile)
        if cloudTrail.cloudtrailMonth {
            return try cloudTrail.run(organization: shape, directory: directory, keep: keep, reuse: reuse, json: json)
        }
        let target = directory ?? NSTemporaryDirectory() + "trustpath-bench-\(accounts)-\(ProcessInfo.processInfo.processIdentifier)"
        let (summary, generate) = try Measure.seconds { () -> SyntheticOrganization.Summary in
            guard reuse, directory != nil else { return try SyntheticOrganization(shape).write(to: target) }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: target).count) ?? 0
            return SyntheticOrganization.Summary(files: files, bytes: Measure.directoryBytes(target), roles: shape.roles,
                                                 users: shape.users)
        }
        defer { if !keep && directory == nil { try? FileManager.default.removeItem(atPath: target) } }
        var row = BenchRow(accounts: accounts, roles: summary.roles, users: summary.users, inputBytes: summary.bytes,
                           files: summary.files, generate: generate, load: 0, evaluate: 0, search: 0, remediate: 0, report: 0,
                           render: 0, findings: 0, peakResidentBytes: 0)
        let note = "generated \(summary.files) files, \(summary.bytes / 1_048_576) MB in \(target) "
            + "(\(String(format: "%.1f", generate)) s)\n"
        FileHandle.standardError.write(Data(note.utf8))
        if generateOnly { return }
        try Pipeline(directory: target, renderImage: svg).run(into: &row)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(row), as: UTF8.self))
        } else {
            print(BenchRow.header)
            print(BenchRow.rule)
            print(row.markdown)
        }
    }
}

extension OrganizationShape.Profile: ExpressibleByArgument {}
