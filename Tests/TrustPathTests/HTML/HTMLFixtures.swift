import Foundation
@testable import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel
@testable import TrustPathRemediation
import TrustPathReport

/// Reports with doors built by hand, so the HTML tests do not depend on what the door analysis decides. `text`
/// goes into every string field that comes from the input (names, ids, reasons, files, conditions, messages).
enum HTMLFixtures {
    static let account = "111111111111"
    static let outsider = "999900001111"

    static func roleARN(_ name: String) -> String { "arn:aws:iam::\(account):role/\(name)" }

    static func statement(_ role: String, index: Int = 0, file: String = "gaad.json", sid: String? = nil) -> StatementReference {
        StatementReference(file: file, jsonPath: "$.RoleDetailList[0].AssumeRolePolicyDocument.Statement[\(index)]",
                           owner: role, index: index, sid: sid)
    }

    static func fix(_ role: String, text: String = "") -> Fix {
        Fix(id: "fix-\(role)", kinds: [.addExternalID], role: role, roleName: "name\(text)",
            statement: statement(role, file: "gaad\(text).json", sid: "Sid\(text)"),
            summary: "In the trust policy of \(text)role, statement 0: add StringEquals sts:ExternalId",
            addConditions: [ConditionAddition(op: "StringEquals", key: "sts:ExternalId\(text)", values: ["REPLACE\(text)"])],
            removeConditionKeys: ["aws:weak\(text)"], replacePrincipals: [PrincipalReplacement(from: "root\(text)", to: "role\(text)")],
            placeholders: ["REPLACE\(text)"])
    }

    /// A door into `role` through statement `index`, passed by an outside account (and the public when `public`).
    static func door(_ role: String, severity: Severity, index: Int = 0, behind: [String: Int] = ["high": 2],
                     public isPublic: Bool = false, text: String = "") -> ReportDoor {
        let arn = roleARN(role)
        var entries = [DoorEntry(id: outsider, kind: .externalAccount, name: "Vendor\(text)", state: .open,
                                 lacks: ["sts:ExternalId\(text)"], restsOn: ["aws:SourceIp\(text)"], note: "confused deputy\(text)")]
        if isPublic {
            entries.insert(DoorEntry(id: "*", kind: .public, state: .open, lacks: ["aws:PrincipalOrgID"],
                                     alsoPassing: ["222222222222", "33333333333\(text)"]), at: 0)
        }
        let target = DoorTarget(target: roleARN("Target\(role)\(text)"), severity: severity, severityReason: "admin\(text)",
                                state: .open, path: [outsider, arn, roleARN("Target\(role)\(text)")])
        return ReportDoor(id: "\(arn)#\(index)", role: arn, account: account, statement: index, sid: "Sid\(text)",
                          file: "gaad\(text).json", region: SourceRegion(startLine: 12, startColumn: 5), entries: entries,
                          severity: severity, severityReason: "reaches admin\(text)", category: .crossAccount, state: .open,
                          behind: behind, top: [target], fix: fix(arn, text: text),
                          lastUsed: LastUsed(date: "2026-09-30", region: "eu-west-1\(text)"))
    }

    /// A pair (entry, role) whose chain enters through `door`'s role; `target` names the role reached.
    static func finding(through role: String, target: String, severity: Severity) -> Finding {
        let entry = Entry(kind: .externalAccount, id: outsider)
        let path = [outsider, roleARN(role), roleARN(target)]
        let hops = zip(path, path.dropFirst()).enumerated().map { offset, step in
            Hop(HopVerdict(actor: offset == 0 ? entry.actor : .roleSession(step.0), target: step.1, state: .open,
                           trustStatement: statement(step.1)))
        }
        return Finding(id: Finding.identity(entry: entry, target: roleARN(target)), entry: entry, target: roleARN(target),
                       targetAccount: account, targetRoleID: "AROA\(target)", severity: severity, severityReason: "test",
                       category: .crossAccount, state: .open, path: path, hops: hops, alternatives: [])
    }

    /// A report with three doors (critical with the public passing, high, low), pairs, fixes, a choke point,
    /// diagnostics, assumptions and files; every input string carries `text`.
    static func report(text: String = "", doors extra: Int = 0) -> Report {
        let findings = [finding(through: "Door1", target: "PairOnlyTarget", severity: .critical),
                        finding(through: "Door2", target: "OtherPairTarget", severity: .high)]
        let info = SnapshotInfo(directory: "snap\(text)", organizationID: "o-org\(text)", analyzedAccounts: [account],
                                trustedAccounts: 1,
                                files: [InputFile(path: "gaad\(text).json", kind: .authorizationDetails, detail: "3 roles\(text)"),
                                        InputFile(path: "odd\(text).json", kind: .unreadable, detail: "bad JSON\(text)")],
                                accountNames: [account: "prod\(text)", outsider: "vendor\(text)"])
        let fixes = [RankedFix(fix: fix(roleARN("Door1"), text: text), removes: ["critical": 1], removedFindings: [], score: 1000)]
        var report = Report(snapshot: info, findings: findings, fixes: fixes, chokePoints: [fix(roleARN("Door1"), text: text)],
                            uncuttableTargets: [roleARN("Uncuttable\(text)")], assumptions: ["assume\(text)"],
                            diagnostics: [Diagnostic(.warning, code: "code\(text)", "message\(text)",
                                                     at: SourceLocation(file: "gaad\(text).json", jsonPath: "$.x\(text)"),
                                                     hint: "hint\(text)")])
        report.doors = [door("Door1", severity: .critical, behind: ["critical": 3, "high": 1], public: true, text: text),
                        door("Door2", severity: .high, text: text), door("Door3", severity: .low, behind: ["low": 1], text: text)]
        report.doors += (0..<extra).map { door("Extra\($0)", severity: .medium, text: text) }
        return report
    }
}
