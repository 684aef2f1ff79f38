import ArgumentParser
import Foundation
import TrustPathCollect
import TrustPathEscaping
import TrustPathReport

struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Read every account of an AWS organization into a directory that analyze reads.",
        discussion: """
        Runs your AWS CLI (aws, version 1 or 2) with your usual configuration: profiles, IAM Identity Center \
        logins, environment variables and AWS_ENDPOINT_URL all work as they do for you. Nothing is asked for or \
        stored: the temporary credentials of the assumed roles live only in the aws processes that use them.
        From the management account (or a delegated administrator) it writes the organization, its accounts, \
        roots, OUs and each account's parents, and its SCPs and RCPs with their targets; then, for each ACTIVE \
        account, it assumes arn:aws:iam::ID:role/NAME and writes get-account-authorization-details, every page, \
        to gaad-ID.json. The account your credentials are in is read without assuming a role. collection.json \
        records when, as whom, and which accounts were read or missed and why.
        Files are written whole; a second run keeps the accounts already read (resumable) unless --refresh.
        Exit codes: 0 every account read; 3 any account or organization data missing (each one is named on \
        standard error and in collection.json); 2 usage error (for example, aws not on PATH).
        Examples:
          trustpath collect --out Inputs/acme-2026-12
          trustpath collect --out audit --profile mgmt --role-name TrustPathAudit --concurrency 16
          trustpath collect --out audit --accounts 111122223333,444455556666 --refresh
        """
    )

    @Option(help: "The directory to write (created when missing).") var out: String
    @Option(help: "The role assumed in each account.") var roleName = CollectOptions.defaultRoleName
    @Option(help: "Only these accounts (comma-separated 12-digit ids).") var accounts: String?
    @Option(help: "Never these accounts (comma-separated 12-digit ids).") var exclude: String?
    @Option(help: "How many aws processes run at once.") var concurrency = 8
    @Option(help: "The AWS CLI profile of the calling credentials (default: the CLI's own choice).") var profile: String?
    @Option(help: "Items per request of the paginated calls (the CLI still reads every page). Default: the service's.")
    var pageSize: Int?
    @Flag(help: "Read every account again, even those an earlier run read completely.") var refresh = false

    func validate() throws {
        guard concurrency >= 1, concurrency <= 256 else { throw ValidationError("--concurrency must be 1…256") }
        if let pageSize, pageSize < 1 { throw ValidationError("--page-size must be at least 1") }
        guard !roleName.isEmpty, !roleName.contains("/") else {
            throw ValidationError("--role-name is a role name (with no path), such as TrustPathAudit")
        }
        _ = try Self.accountList(accounts, option: "--accounts")
        _ = try Self.accountList(exclude, option: "--exclude")
    }

    func run() throws {
        let options = CollectOptions(directory: out, roleName: roleName,
                                     accounts: try Self.accountList(accounts, option: "--accounts"),
                                     excluded: try Self.accountList(exclude, option: "--exclude") ?? [],
                                     concurrency: concurrency, refresh: refresh, pageSize: pageSize)
        let manifest: CollectionManifest
        let progress = Progress.start()
        do {
            let cli = try AWSCommandLine(profile: profile)
            manifest = try Collector(cli: cli, options: options, progress: progress?.callback).collect()
            progress?.finish()
        } catch {
            progress?.finish()
            FileHandle.standardError.write(Data("error: \(Escape.terminal("\(error)"))\n".utf8))
            throw TrustPathExit.usage
        }
        report(manifest)
        if !manifest.isComplete { throw TrustPathExit.badInput }
    }

    private func report(_ manifest: CollectionManifest) {
        var errors = ""
        for account in manifest.missing {
            let name = account.name.map { " (\(Escape.terminal($0)))" } ?? ""
            errors += "missing: account \(account.id)\(name): \(Escape.terminal(account.reason))\n"
        }
        for failure in manifest.organizationFailures {
            errors += "missing: organization data: \(Escape.terminal(failure))\n"
        }
        if !manifest.leftFromEarlierRuns.isEmpty {
            let shown = manifest.leftFromEarlierRuns.prefix(5).map(Escape.terminal).joined(separator: ", ")
            errors += "note: \(manifest.leftFromEarlierRuns.count) file(s) of an earlier collection are not part of this one "
                + "(\(shown)\(manifest.leftFromEarlierRuns.count > 5 ? ", …" : "")); analyze still reads them: "
                + "delete them, or collect into a new directory\n"
        }
        if !errors.isEmpty { FileHandle.standardError.write(Data(errors.utf8)) }
        let kept = manifest.read.filter(\.kept).count
        let total = manifest.read.count + manifest.missing.count
        print("Read \(manifest.read.count) of \(total) account(s) into \(Escape.terminal(out))"
            + (kept > 0 ? " (\(kept) kept from an earlier run)" : "")
            + (manifest.missing.isEmpty ? "" : "; \(manifest.missing.count) missing (named above)")
            + (manifest.organizationFailures.isEmpty ? "" : "; organization data incomplete")
            + ". Manifest: \(CollectionManifest.fileName). Next: trustpath analyze \(Escape.terminal(out))")
    }

    static func accountList(_ text: String?, option: String) throws -> [String]? {
        guard let text else { return nil }
        let ids = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for id in ids where id.count != 12 || !id.allSatisfy(\.isASCII) || !id.allSatisfy(\.isNumber) {
            throw ValidationError("\(option): \"\(id)\" is not a 12-digit AWS account id")
        }
        return ids
    }
}
