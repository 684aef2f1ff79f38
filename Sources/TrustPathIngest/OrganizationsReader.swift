import TrustPathJSON
import TrustPathModel

/// Reads the Organizations exports: the organization, its accounts, and its SCPs/RCPs.
enum OrganizationsReader {
    static func readDescribeOrganization(_ root: JSONValue, at rootPath: JSONPath, file: String) -> FileContribution {
        var context = DecodingContext(file: file)
        var contribution = FileContribution(kind: .describeOrganization, detail: "")
        let organization = root["Organization"] ?? .null
        let path = rootPath.appending("Organization")
        contribution.organizationID = context.requiredString(organization, "Id", at: path, consequence: "organization id unknown")
        contribution.managementAccountID = context.optionalString(organization, "MasterAccountId", at: path)
        if let arn = context.optionalString(organization, "Arn", at: path), let id = contribution.organizationID,
           !arn.contains("/\(id)") {
            context.report(.warning, "organization-id-mismatch",
                           "Organization.Id \(id) does not appear in Organization.Arn \(arn); using Id", at: path,
                           hint: "re-export describe-organization; the file may have been edited")
        }
        contribution.detail = "organization \(contribution.organizationID ?? "?"), management account "
            + (contribution.managementAccountID ?? "?")
        contribution.diagnostics = context.diagnostics
        return contribution
    }

    static func readListAccounts(_ root: JSONValue, at rootPath: JSONPath, file: String) -> FileContribution {
        var context = DecodingContext(file: file)
        var contribution = FileContribution(kind: .listAccounts, detail: "")
        for (account, path) in context.list(root, "Accounts", at: rootPath) {
            guard let id = context.requiredString(account, "Id", at: path, consequence: "account ignored") else { continue }
            guard isAccountID(id) else {
                context.report(.warning, "bad-account-id", "account id \"\(id)\" is not 12 digits; ignored",
                               at: path.appending("Id"))
                continue
            }
            let paths = account["Paths"].map { context.strings($0, at: path.appending("Paths")) } ?? []
            let status = account["State"]?.scalarText ?? account["Status"]?.scalarText
            contribution.members.append(MemberAccount(id: id, name: account["Name"]?.scalarText, status: status, paths: paths))
            // The organization id is the path segment after `organization/` in an account ARN.
            if contribution.organizationID == nil, let arn = account["Arn"]?.scalarText.flatMap(ARN.init) {
                let segments = arn.resource.split(separator: "/")
                if segments.count >= 2, segments[1].hasPrefix("o-") { contribution.organizationID = String(segments[1]) }
            }
        }
        contribution.detail = "\(contribution.members.count) member accounts"
            + (contribution.organizationID.map { " of \($0)" } ?? "")
        contribution.diagnostics = context.diagnostics
        return contribution
    }

    /// `describe-policy` output, optionally with a `Targets` array (from `list-targets-for-policy`) merged in.
    static func readDescribePolicy(_ root: JSONValue, at rootPath: JSONPath, file: String) -> FileContribution {
        var context = DecodingContext(file: file)
        var contribution = FileContribution(kind: .organizationPolicy, detail: "")
        let policy = root["Policy"] ?? .null
        let summary = policy["PolicySummary"] ?? .null
        let summaryPath = rootPath.appending("Policy").appending("PolicySummary")
        let id = summary["Id"]?.scalarText ?? "unknown"
        let name = summary["Name"]?.scalarText ?? id
        let type = summary["Type"]?.scalarText ?? "SERVICE_CONTROL_POLICY"
        let kind: OrganizationPolicy.Kind
        switch type {
        case "SERVICE_CONTROL_POLICY": kind = .serviceControl
        case "RESOURCE_CONTROL_POLICY": kind = .resourceControl
        default:
            contribution = .skipped("an Organizations \(type) policy: not an SCP or RCP, so it cannot change access")
            return contribution
        }
        let contentPath = rootPath.appending("Policy").appending("Content")
        guard let content = policy["Content"],
              let document = PolicyDecoder.decode(content, at: contentPath, context: &context) else {
            contribution.kind = .unreadable
            contribution.detail = "\(kind.rawValue) \(name): content unreadable"
            contribution.diagnostics = context.diagnostics
            return contribution
        }
        var targets: [String] = []
        for (target, path) in context.list(root, "Targets", at: rootPath) {
            if let targetID = context.requiredString(target, "TargetId", at: path, consequence: "target ignored") {
                targets.append(targetID)
            }
        }
        if root["Targets"] == nil {
            context.report(.warning, "policy-without-targets",
                           "\(kind.rawValue) \(name) has no Targets; it is treated as attached to the organization root",
                           at: summaryPath, hint: "add the output of list-targets-for-policy as \"Targets\" in this file")
        }
        contribution.organizationPolicies = [OrganizationPolicy(id: id, name: name, kind: kind, document: document,
                                                                targets: targets, location: context.location(contentPath))]
        contribution.detail = "\(kind.rawValue) \(name) attached to \(targets.isEmpty ? "the root (assumed)" : targets.joined(separator: ", "))"
        contribution.diagnostics = context.diagnostics
        return contribution
    }
}
