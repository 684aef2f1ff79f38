import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel
import TrustPathRemediation
import TrustPathReport

/// Runs the checked roles through the same analysis as `trustpath analyze`: a snapshot holding them (alone, or put
/// into a given snapshot), every chain from outside, each finding's fix; then reports per trust statement, and with a
/// snapshot what the change opens and closes.
public enum CheckEvaluation {
    /// The account checked roles are placed in when none is given: a stand-in, inside the organization.
    public static let placeholderAccount = "000000000000"

    /// Checks `files` placed into `base` (an empty snapshot, or one to compare with when `compare` is true).
    public static func run(_ files: [CheckedFile], base: Snapshot = Snapshot(directory: "(checked files)"), compare: Bool = false,
                           account: String, accountGiven: Bool, options: AnalysisOptions = AnalysisOptions()) -> CheckReport {
        let combined = merged(files, into: base)
        var result = Analyzer.analyze(combined, options: options)
        // A checked policy that still holds a fix's placeholder says so, as `analyze` does.
        result.diagnostics = (result.diagnostics + PlaceholderCheck.diagnostics(combined)).sorted()
        let plan = RemediationPlan.make(result)
        let checked = Dictionary(files.flatMap(\.roles).map { ($0.role.arn, $0) }) { _, last in last }

        let findings = statementFindings(plan.findings, fixes: PairFixes.make(result), checked: checked)
        var opens: [PairChange]?
        var closes: [PairChange]?
        if compare {
            let before = Analyzer.analyze(base, options: options)
            let beforeIDs = Set(before.findings.map(\.id))
            let afterIDs = Set(result.findings.map(\.id))
            opens = result.findings.filter { !beforeIDs.contains($0.id) }.map { change($0, opened: true, checked: checked) }
            closes = before.findings.filter { !afterIDs.contains($0.id) }.map { change($0, opened: false, checked: checked) }
        }
        let checkedFiles = Set(files.map(\.file))
        var notes = files.flatMap(\.notes)
        if !result.suppressed.isEmpty {
            notes.append(CheckNote(file: files.first?.file ?? "-", "\(result.suppressed.count) (entry, role) pair(s) hidden by "
                + "accepted risks of the project file"))
        }
        if compare, !combined.trustedAccounts.contains(account) {
            notes.append(CheckNote(file: files.first?.file ?? "-", "account \(account) is not a member of the snapshot's "
                + "organization: the checked roles are treated as outside it"))
        }
        if !accountGiven {
            notes.append(CheckNote(file: files.first?.file ?? "-", "no --account: the roles were checked in a stand-in account "
                + "inside the organization (\(account)); AWS::AccountId and same-account trusts refer to it"))
        }
        let diagnostics = (files.flatMap(\.diagnostics)
            + result.diagnostics.filter { checkedFiles.contains($0.location?.file ?? "") }).sorted()
        let counts = Dictionary(grouping: findings) { "\($0.roleArn)#\($0.statement)" }.mapValues(\.count)
        let passed = passedBy(plan.findings, checked: checked)
        let roles = files.flatMap(\.roles).map { checkedRole in
            CheckedRoleSummary(
                file: checkedRole.file, resource: checkedRole.resource, line: checkedRole.resourceLine, name: checkedRole.role.name,
                arn: checkedRole.role.arn,
                statements: (checkedRole.role.trustPolicy?.statements ?? []).map { statement in
                    StatementSummary(index: statement.index, sid: statement.sid, line: checkedRole.line(ofStatement: statement.index),
                                     entries: counts["\(checkedRole.role.arn)#\(statement.index)"] ?? 0,
                                     passedBy: passed["\(checkedRole.role.arn)#\(statement.index)"] ?? [])
                })
        }
        return CheckReport(account: account, accountGiven: accountGiven, snapshot: compare ? base.directory : nil,
                           files: files.map { CheckedFileSummary(file: $0.file, kind: $0.kind, roles: $0.roles.count) },
                           roles: roles, findings: findings, opens: opens, closes: closes,
                           notes: Array(Set(notes)).sorted(), diagnostics: Array(Set(diagnostics)).sorted())
    }

    /// `base` with the checked roles added, or replacing the role of the same name in their account (of two checked
    /// roles with one name, the later file's wins). One pass per account: a template can hold thousands of roles.
    static func merged(_ files: [CheckedFile], into base: Snapshot) -> Snapshot {
        var snapshot = base
        var byAccount: [String: [String: CheckedRole]] = [:]
        for checkedRole in files.flatMap(\.roles) {
            byAccount[checkedRole.role.account, default: [:]][checkedRole.role.name.lowercased()] = checkedRole
        }
        for (accountID, checked) in byAccount {
            var account = snapshot.accounts[accountID] ?? AccountData(id: accountID)
            let arns = Set(checked.values.map(\.role.arn))
            account.roles.removeAll { arns.contains($0.arn) || checked[$0.name.lowercased()] != nil }
            account.roles += checked.values.map(\.role).sorted { $0.arn < $1.arn }
            account.files = Array(Set(account.files + checked.values.map(\.file))).sorted()
            snapshot.accounts[accountID] = account
        }
        for policy in files.flatMap(\.policies) {
            guard let owner = ARN(policy.arn)?.account else { continue }
            snapshot.accounts[owner, default: AccountData(id: owner)].policies[policy.arn] = policy
        }
        return snapshot
    }

    /// One finding per (checked statement, entry): the pairs whose chain enters through that statement.
    static func statementFindings(_ findings: [Finding], fixes: [String: Fix], checked: [String: CheckedRole]) -> [CheckFinding] {
        var byDoor: [String: CheckFinding] = [:]
        var order: [String] = []
        for finding in findings {
            guard let hop = finding.hops.first, let statement = hop.statement, let checkedRole = checked[hop.to] else { continue }
            let key = "\(hop.to)#\(statement.index)#\(finding.entry.kind.rawValue):\(finding.entry.id)"
            if var existing = byDoor[key] {
                existing.reaches.append(finding.target)
                if finding.severity < existing.severity {
                    existing.severity = finding.severity
                    existing.severityReason = finding.severityReason
                }
                byDoor[key] = existing
                continue
            }
            order.append(key)
            byDoor[key] = CheckFinding(
                file: checkedRole.file, resource: checkedRole.resource, line: checkedRole.line(ofStatement: statement.index),
                statement: statement.index, sid: statement.sid, role: checkedRole.role.name, roleArn: checkedRole.role.arn,
                entry: entryName(finding.entry), entryKind: finding.entry.kind.rawValue, entryId: finding.entry.id,
                severity: finding.severity, severityReason: finding.severityReason, state: hop.state.rawValue,
                lacks: hop.guardsMissing + hop.weakGuards.map { "\($0) (weak)" }, restsOn: hop.restsOn,
                fix: fixes[finding.id]?.summary, fixChange: fixes[finding.id].map(FixChange.init), reaches: [finding.target],
                rule: SARIFRule.rule(for: finding).id)
        }
        return order.compactMap { byDoor[$0] }.map { finding in
            var sorted = finding
            sorted.reaches = Array(Set(finding.reaches)).sorted()
            return sorted
        }.sorted { ($0.severity, $0.file, $0.line ?? 0, $0.statement, $0.entryId) < ($1.severity, $1.file, $1.line ?? 0, $1.statement, $1.entryId) }
    }

    /// For each checked statement a chain passes after entering elsewhere: who, and through which door.
    static func passedBy(_ findings: [Finding], checked: [String: CheckedRole]) -> [String: [String]] {
        var passed: [String: Set<String>] = [:]
        for finding in findings {
            guard let door = finding.hops.first, let doorStatement = door.statement else { continue }
            for hop in finding.hops.dropFirst() {
                guard checked[hop.to] != nil, let statement = hop.statement else { continue }
                let doorName = ARN(door.to)?.resourceName ?? door.to
                passed["\(hop.to)#\(statement.index)", default: []]
                    .insert("\(entryName(finding.entry)) (through \(doorName) statement \(doorStatement.index))")
            }
        }
        return passed.mapValues { $0.sorted() }
    }

    private static func change(_ finding: Finding, opened: Bool, checked: [String: CheckedRole]) -> PairChange {
        let door = finding.hops.first?.statement
        let doorRole = finding.hops.first?.to ?? finding.target
        let checkedDoor = checked[doorRole]
        let name = ARN(finding.target)?.resourceName ?? finding.target
        let verb = opened ? "lets" : "no longer lets"
        return PairChange(entry: entryName(finding.entry), entryId: finding.entry.id, target: finding.target, targetName: name,
                          targetAccount: finding.targetAccount, severity: finding.severity, doorRole: doorRole,
                          doorStatement: door?.index ?? 0, doorFile: checkedDoor?.file, doorResource: checkedDoor?.resource,
                          doorLine: door.flatMap { checkedDoor?.line(ofStatement: $0.index) }, path: finding.path,
                          message: "this change \(verb) \(entryName(finding.entry)) reach \(name) (\(finding.targetAccount))")
    }

    /// An entry for people, as the analysis reports name it.
    static func entryName(_ entry: Entry) -> String {
        switch entry.kind {
        case .public: "anyone (Principal *)"
        case .externalAccount: entry.name.map { "vendor \($0) \(entry.id)" } ?? "external account \(entry.id)"
        case .service: "service \(entry.id)"
        case .federated: "federated \(FederatedNames.short(entry.id))"
        }
    }
}
