import Foundation
import TrustPathEscaping
import TrustPathJSON

/// Reads one account: assumes the collection role (unless the account is the caller's own), then writes the
/// whole `get-account-authorization-details` export, every page, to `gaad-ID.json`.
struct AccountCollector: Sendable {
    let context: CallContext
    let roleName: String
    let callerAccount: String

    static func fileName(_ account: String) -> String { "gaad-\(Escape.fileNamePart(account)).json" }

    func collect(_ account: MemberAccount, record: Recorder) {
        let name = Self.fileName(account.id)
        let roleARN = "arn:aws:iam::\(account.id):role/\(roleName)"
        let via = account.id == callerAccount ? "the caller's credentials" : roleARN
        if context.kept(name) {
            return record.account(read: .init(id: account.id, name: account.name, file: name, via: via,
                                              collectedAt: context.modificationDate(name), kept: true))
        }
        switch read(account.id, roleARN: roleARN) {
        case .success(let data):
            if let failure = context.write(data, to: name) {
                return record.account(missing: .init(id: account.id, name: account.name, reason: failure))
            }
            record.account(read: .init(id: account.id, name: account.name, file: name, via: via,
                                       collectedAt: Date(), kept: false))
        case .failure(let reason):
            record.account(missing: .init(id: account.id, name: account.name, reason: reason.text))
        }
    }

    private func read(_ account: String, roleARN: String) -> Result<Data, ParseMessage> {
        var credentials: TemporaryCredentials?
        if account != callerAccount {
            switch assume(roleARN) {
            case .success(let assumed): credentials = assumed
            case .failure(let reason): return .failure(reason)
            }
        }
        let result = context.call(["iam", "get-account-authorization-details"], as: credentials)
        guard result.status == 0 else {
            return .failure(ParseMessage(text: Self.exportFailure(result, roleARN: credentials == nil ? nil : roleARN)))
        }
        // Checked before it is written, so that a cut-off or garbled output never lands in the snapshot. The
        // check walks the bytes without building the document: an account's export can be hundreds of megabytes.
        return Self.isCompleteExport([UInt8](result.output))
            ? .success(result.output)
            : .failure(ParseMessage(text: "get-account-authorization-details did not answer with a whole JSON "
                + "object holding a RoleDetailList; run it by hand to see why"))
    }

    static func isCompleteExport(_ bytes: [UInt8]) -> Bool {
        guard let whole = JSONLocator.range(of: .root, in: bytes),
              bytes[whole.upperBound...].allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }),
              bytes[whole].first == UInt8(ascii: "{") else { return false }
        return JSONLocator.range(of: JSONPath.root.appending("RoleDetailList"), in: bytes) != nil
    }

    private func assume(_ roleARN: String) -> Result<TemporaryCredentials, ParseMessage> {
        let arguments = ["sts", "assume-role", "--role-arn", roleARN, "--role-session-name", "trustpath-collect"]
        switch context.object(arguments) {
        case .success(let object):
            let credentials = object["Credentials"]
            guard let key = credentials?["AccessKeyId"]?.scalarText,
                  let secret = credentials?["SecretAccessKey"]?.scalarText,
                  let token = credentials?["SessionToken"]?.scalarText else {
                return .failure(ParseMessage(text: "sts assume-role of \(roleARN) answered without credentials"))
            }
            return .success(TemporaryCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token))
        case .failure(let failure):
            return .failure(ParseMessage(text: Self.assumeFailure(failure, roleARN: roleARN)))
        }
    }

    /// AWS answers AccessDenied both when the role is missing and when its trust policy refuses the caller.
    static func assumeFailure(_ failure: CallFailure, roleARN: String) -> String {
        switch failure.code {
        case "AccessDenied":
            "AccessDenied on sts:AssumeRole of \(roleARN): the role is missing, or its trust policy does not "
                + "let the caller assume it (\(failure.message)); deploy the role (see the README) or pass --role-name"
        case "RegionDisabledException":
            "sts:AssumeRole of \(roleARN) refused: STS is not enabled in this region for the account (\(failure.message))"
        default:
            "sts:AssumeRole of \(roleARN) failed: \(failure.message)"
        }
    }

    static func exportFailure(_ result: CommandResult, roleARN: String?) -> String {
        let who = roleARN.map { "the role \($0)" } ?? "the caller"
        switch result.errorCode {
        case "AccessDenied":
            return "\(who) may not call iam:GetAccountAuthorizationDetails (\(result.errorSummary)); "
                + "grant it (see the README's audit role)"
        case "NoSuchEntity":
            return "\(who) is missing (\(result.errorSummary))"
        default:
            let throttled = Throttling.isThrottled(result) ? " (still throttled after every retry)" : ""
            return "iam get-account-authorization-details as \(who) failed: \(result.errorSummary)\(throttled)"
        }
    }
}
