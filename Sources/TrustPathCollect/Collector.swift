import Foundation
import Synchronization
import TrustPathJSON
import TrustPathReport

/// `trustpath collect`: reads a whole organization through the user's AWS CLI into a directory that
/// `trustpath analyze` reads as it is, with a `collection.json` manifest of what was and was not read.
public struct Collector: Sendable {
    public let cli: AWSCommandLine
    public let options: CollectOptions
    /// Told "N/M accounts" as accounts finish, for progress on a terminal.
    public var progress: (@Sendable (String) -> Void)?

    public init(cli: AWSCommandLine, options: CollectOptions, progress: (@Sendable (String) -> Void)? = nil) {
        self.cli = cli
        self.options = options
        self.progress = progress
    }

    public func collect() throws(CollectError) -> CollectionManifest {
        let startedAt = Date()
        do {
            try FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
        } catch {
            throw .outputNotWritable(options.directory, "\(error)")
        }
        let context = CallContext(cli: cli, throttling: Throttling(initialBackoff: options.initialBackoff,
                                                                  maximumAttempts: options.maximumAttempts),
                                  directory: options.directory, refresh: options.refresh,
                                  pageSize: options.pageSize)
        let (caller, callerAccount) = try identity(context)

        progress?("reading the organization…")
        let targets = TargetCounter()
        let record = Recorder { [progress] done in progress?("\(done)/\(targets.total) accounts read") }
        let organization = OrganizationCollector(context: context, record: record)
        var organizationID: String?
        var members: [MemberAccount]?
        switch organization.describe() {
        case .found(let id):
            organizationID = id
            members = organization.listAccounts()
        case .notInUse, .unreadable:
            break
        }
        let selection = AccountSelection.choose(members: members, requested: options.accounts,
                                                excluded: options.excluded, callerAccount: callerAccount,
                                                organizationID: organizationID)
        targets.total = selection.accounts.count + selection.unreadable.count
        let accounts = AccountCollector(context: context, roleName: options.roleName, callerAccount: callerAccount)
        var jobs: [@Sendable () -> Void] = selection.accounts.map { account in { accounts.collect(account, record: record) } }
        if organizationID != nil, let members {
            jobs = organization.structureJobs(members: members) + jobs
        }
        for missing in selection.unreadable { record.account(missing: missing) }
        BoundedWork.run(jobs, width: options.concurrency)

        let found = record.snapshot
        let manifest = CollectionManifest(
            startedAt: startedAt, finishedAt: Date(), caller: caller, callerAccount: callerAccount,
            awsCLI: cli.version, roleName: options.roleName, organizationID: organizationID, read: found.read,
            missing: found.missing, excluded: selection.excluded, organizationFailures: found.failures,
            organizationFiles: found.files,
            leftFromEarlierRuns: leftovers(written: Set(found.read.map(\.file) + found.files)))
        do {
            try writeManifest(manifest)
        } catch {
            throw .outputNotWritable(options.directory + "/" + CollectionManifest.fileName, "\(error)")
        }
        return manifest
    }

    private func identity(_ context: CallContext) throws(CollectError) -> (String, String) {
        switch context.object(["sts", "get-caller-identity"]) {
        case .success(let object):
            guard let arn = object["Arn"]?.scalarText, let account = object["Account"]?.scalarText else {
                throw .callerUnknown("the answer has no Arn or Account")
            }
            return (arn, account)
        case .failure(let failure):
            throw .callerUnknown(failure.message)
        }
    }

    /// Files named as `collect` names them that this run neither wrote nor kept: `analyze` would still read them.
    private func leftovers(written: Set<String>) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: options.directory)) ?? []
        return names.filter { name in
            (name.hasPrefix("gaad-") || name.hasPrefix("organizations-")) && name.hasSuffix(".json") && !written.contains(name)
        }.sorted()
    }

    private func writeManifest(_ manifest: CollectionManifest) throws {
        let path = options.directory + "/" + CollectionManifest.fileName
        try AtomicFile.write(manifest.json(), to: path)
    }
}

/// The accounts to read, the ones that cannot be read (not ACTIVE, not a member) and the ones left out.
struct AccountSelection: Sendable {
    var accounts: [MemberAccount]
    var unreadable: [CollectionManifest.Missing]
    var excluded: [String]

    static func choose(members: [MemberAccount]?, requested: [String]?, excluded: [String], callerAccount: String,
                       organizationID: String?) -> AccountSelection {
        let excludedSet = Set(excluded)
        guard let members else {
            // Without the organization's list: the accounts named, or the caller's own.
            let ids = (requested ?? [callerAccount]).filter { !excludedSet.contains($0) }
            return AccountSelection(accounts: unique(ids).map { MemberAccount(id: $0, name: nil, state: "ACTIVE") },
                                    unreadable: [], excluded: excluded.sorted())
        }
        let byID = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var wanted = requested.map(unique) ?? members.map(\.id)
        wanted.removeAll { excludedSet.contains($0) }
        var selection = AccountSelection(accounts: [], unreadable: [], excluded: excluded.sorted())
        for id in wanted {
            guard let member = byID[id] else {
                let organization = organizationID.map { "the organization \($0)" } ?? "the organization"
                selection.unreadable.append(.init(id: id, name: nil,
                                                  reason: "not a member of \(organization) (list-accounts does not list it)"))
                continue
            }
            if member.state == "ACTIVE" {
                selection.accounts.append(member)
            } else {
                selection.unreadable.append(.init(id: id, name: member.name,
                    reason: "the account is \(member.state), not ACTIVE: it cannot be read; --exclude it to accept"))
            }
        }
        return selection
    }

    private static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// How many accounts the progress line counts to; known only once the organization is listed.
final class TargetCounter: Sendable {
    private let value = Atomic<Int>(0)
    var total: Int {
        get { value.load(ordering: .relaxed) }
        set { value.store(newValue, ordering: .relaxed) }
    }
}
