import ArgumentParser
import Foundation
import TrustPathAnalysis
import TrustPathCheck
import TrustPathConfig
import TrustPathEscaping
import TrustPathModel
import TrustPathReport

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a trust policy, a CloudFormation template or a Terraform plan before it deploys.",
        discussion: """
        Each FILE is read by its content: a trust policy (JSON; - reads standard input), a CloudFormation template \
        (JSON or YAML, short-form tags such as !Sub and !GetAtt included) or a Terraform plan (terraform show -json). \
        Its roles go through the same analysis as `trustpath analyze`: per trust statement, who outside can assume \
        the role, what the statement lacks and the exact fix. Parameters take their defaults; what is known only at \
        deploy is treated as unknown and listed.
        With --snapshot, the roles are put into that snapshot (added, or replacing the role of the same name in their \
        account) and the report also says which (entry, role) pairs the change opens and closes.
        Exit codes: 0 done; 1 a finding (or an opened pair) at or above --fail-on; 2 a file that cannot be read as any \
        of these, or a usage error (the message names the file and the line or JSON path).
        Examples:
          trustpath check trust-policy.json
          aws iam get-role --role-name Deploy --query Role.AssumeRolePolicyDocument | trustpath check -
          trustpath check template.yaml --account 520388146927 --snapshot Inputs/acme-2026-10 --fail-on high
          terraform show -json plan.out > plan.json && trustpath check plan.json --format sarif --output check.sarif
        """
    )

    @Argument(help: "Trust policies, CloudFormation templates or Terraform plans (JSON); - for standard input.")
    var files: [String]
    @Option(help: "A snapshot directory to put the change into: also reports the pairs it opens and closes.")
    var snapshot: String?
    @Option(help: "The account the change deploys into (12 digits); AWS::AccountId resolves to it.")
    var account: String?
    /// The formats a check is reported in.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, markdown }

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text
    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?
    @Option(help: "Exit with code 1 when a finding or an opened pair of this severity or worse exists.")
    var failOn: Severity?
    @OptionGroup var project: ProjectFileOption

    func validate() throws {
        if let account, account.count != 12 || !account.allSatisfy(\.isASCII) || !account.allSatisfy(\.isNumber) {
            throw ValidationError("--account must be a 12-digit AWS account id, found \"\(account)\"")
        }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read once") }
    }

    func run() throws {
        let base: Snapshot
        let config: ProjectConfig
        if let snapshot {
            let input = try SnapshotInput.load(snapshot, config: project.config)
            base = input.snapshot
            config = input.config
        } else {
            config = try Self.config(project.config)
            base = Snapshot(directory: "(checked files)")
        }
        let (account, given) = try deployAccount(base)
        var checked: [CheckedFile] = []
        var failed = false
        for file in files {
            do {
                checked.append(try CheckInputReader.read(try Self.bytes(file), file: file, account: account))
            } catch let error as CheckError {
                FileHandle.standardError.write(Data("error: \(Escape.terminal(error.description))\n".utf8))
                failed = true
            }
        }
        if failed { throw TrustPathExit.usage }
        var snapshotWithConfig = base
        config.apply(to: &snapshotWithConfig)
        let report = CheckEvaluation.run(checked, base: snapshotWithConfig, compare: snapshot != nil, account: account,
                                         accountGiven: given,
                                         options: AnalysisOptions(vendorNames: config.vendorNames, config: config))
        let text: String = switch format {
        case .text: CheckTextReporter.render(report)
        case .json: try CheckJSONReporter.render(report)
        case .sarif: try CheckSARIFReporter.render(report)
        case .markdown: CheckMarkdownReporter.render(report)
        }
        try OutputTarget(path: output).write(text)
        if let failOn, let worst = report.worstSeverity, worst <= failOn { throw TrustPathExit.findings }
    }

    /// `--account`, else the snapshot's only account, else a stand-in (without a snapshot).
    private func deployAccount(_ base: Snapshot) throws -> (String, Bool) {
        if let account { return (account, true) }
        guard snapshot != nil else { return (CheckEvaluation.placeholderAccount, false) }
        if base.accounts.count == 1, let only = base.accounts.keys.first { return (only, true) }
        FileHandle.standardError.write(Data(("error: the snapshot holds \(base.accounts.count) accounts: give --account "
            + "with the one the change deploys into\n").utf8))
        throw TrustPathExit.usage
    }

    private static func config(_ path: String?) throws -> ProjectConfig {
        guard let path else { return ProjectConfig(vendors: KnownVendors.all) }
        do {
            return try ProjectConfigLoader.load(explicit: path, snapshotDirectory: ".")
        } catch {
            FileHandle.standardError.write(Data("error: \(Escape.terminal(error.description))\n".utf8))
            throw TrustPathExit.usage
        }
    }

    private static func bytes(_ file: String) throws -> [UInt8] {
        if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CheckError(file: file, "the file cannot be read", hint: "check the path and its permissions")
        }
        return [UInt8](data)
    }
}
