import Foundation
import Synchronization
import TrustPathEscaping
import TrustPathJSON

/// A member account as `list-accounts` describes it.
public struct MemberAccount: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// `State` (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED), or the older `Status`.
    public var state: String
}

/// The organization's files, written as `analyze` reads them: the organization, its accounts, its roots and
/// OUs and each account's parent (for `aws:PrincipalOrgPaths`), and its SCPs and RCPs with their targets.
struct OrganizationCollector: Sendable {
    let context: CallContext
    let record: Recorder

    static let describeFile = "organizations-describe-organization.json"
    static let accountsFile = "organizations-list-accounts.json"
    static let rootsFile = "organizations-list-roots.json"

    enum Organization {
        case found(id: String?)
        case notInUse
        case unreadable
    }

    /// `describe-organization`; an account outside any organization is not a failure.
    func describe() -> Organization {
        switch context.object(["organizations", "describe-organization"]) {
        case .success(let object):
            guard writeRecorded(object, to: Self.describeFile) else { return .unreadable }
            return .found(id: object["Organization"]?["Id"]?.scalarText)
        case .failure(let failure):
            if failure.code == "AWSOrganizationsNotInUseException" { return .notInUse }
            record.organizationFailure(failure.sentence + hint(failure))
            return .unreadable
        }
    }

    /// `list-accounts`, every page (the CLI follows them).
    func listAccounts() -> [MemberAccount]? {
        switch context.object(["organizations", "list-accounts"]) {
        case .success(let object):
            guard writeRecorded(object, to: Self.accountsFile) else { return nil }
            guard case .array(let accounts)? = object["Accounts"] else { return [] }
            return accounts.compactMap { account in
                guard let id = account["Id"]?.scalarText else { return nil }
                let state = account["State"]?.scalarText ?? account["Status"]?.scalarText ?? "ACTIVE"
                return MemberAccount(id: id, name: account["Name"]?.scalarText, state: state)
            }
        case .failure(let failure):
            record.organizationFailure(failure.sentence + hint(failure))
            return nil
        }
    }

    /// The jobs that read the roots and OUs, each account's parents and the SCPs and RCPs.
    func structureJobs(members: [MemberAccount]) -> [@Sendable () -> Void] {
        var jobs: [@Sendable () -> Void] = [
            { walkOrganizationalUnits() },
            { policies(type: "SERVICE_CONTROL_POLICY") },
            { policies(type: "RESOURCE_CONTROL_POLICY") },
        ]
        for member in members {
            jobs.append { parents(of: member.id) }
        }
        return jobs
    }

    private func walkOrganizationalUnits() {
        guard let roots = keptOrRead(Self.rootsFile, ["organizations", "list-roots"]),
              case .array(let list)? = roots["Roots"] else { return }
        var pending = list.compactMap { $0["Id"]?.scalarText }
        var seen = Set(pending)
        while let parent = pending.popLast() {
            let arguments = ["organizations", "list-organizational-units-for-parent", "--parent-id", parent]
            guard let units = keptOrRead("organizations-ous-\(Escape.fileNamePart(parent)).json", arguments, adding: ("ParentId", parent))
            else { continue }
            if case .array(let children)? = units["OrganizationalUnits"] {
                for child in children.compactMap({ $0["Id"]?.scalarText }) where seen.insert(child).inserted {
                    pending.append(child)
                }
            }
        }
    }

    private func parents(of account: String) {
        _ = keptOrRead("organizations-parents-\(Escape.fileNamePart(account)).json", ["organizations", "list-parents", "--child-id", account],
                       adding: ("ChildId", account))
    }

    /// The file an earlier run wrote (unless --refresh), or the call's output (with the agreed key added) written.
    private func keptOrRead(_ name: String, _ arguments: [String], adding key: (String, String)? = nil) -> JSONObject? {
        if context.kept(name), let data = FileManager.default.contents(atPath: context.path(name)),
           case .success(let object) = CallContext.parseObject(data) {
            record.organizationFile(name)
            return object
        }
        guard case .success(var object) = recorded(arguments) else { return nil }
        if let key { object = object.adding(key.0, key.1) }
        return writeRecorded(object, to: name) ? object : nil
    }

    /// Each policy of `type` as `describe-policy` output with the `list-targets-for-policy` targets merged in.
    private func policies(type: String) {
        let listing = context.object(["organizations", "list-policies", "--filter", type])
        let summaries: [JSONValue]
        switch listing {
        case .success(let object):
            guard case .array(let list)? = object["Policies"] else { return }
            summaries = list
        case .failure(let failure):
            // An organization without this policy type (or without all features) has none to read.
            if let code = failure.code, code.hasPrefix("PolicyTypeNot") { return }
            return record.organizationFailure(failure.sentence + hint(failure))
        }
        for id in summaries.compactMap({ $0["Id"]?.scalarText }) {
            let name = "organizations-policy-\(Escape.fileNamePart(id)).json"
            if context.kept(name) {
                record.organizationFile(name)
                continue
            }
            guard case .success(var policy) = recorded(["organizations", "describe-policy", "--policy-id", id]),
                  case .success(let targets) = recorded(["organizations", "list-targets-for-policy", "--policy-id", id])
            else { continue }
            policy.set("Targets", targets["Targets"] ?? .array([]))
            _ = writeRecorded(policy, to: name)
        }
    }

    private func recorded(_ arguments: [String]) -> Result<JSONObject, CallFailure> {
        let result = context.object(arguments)
        if case .failure(let failure) = result { record.organizationFailure(failure.sentence + hint(failure)) }
        return result
    }

    private func writeRecorded(_ object: JSONObject, to name: String) -> Bool {
        if let failure = context.write(object, to: name) {
            record.organizationFailure(failure)
            return false
        }
        record.organizationFile(name)
        return true
    }

    private func hint(_ failure: CallFailure) -> String {
        failure.code == "AccessDenied" || failure.code == "AccessDeniedException"
            ? " (run from the management account or a delegated administrator, with organizations:Describe* and List*)"
            : ""
    }
}
