import TrustPathAnalysis
import TrustPathModel
import TrustPathReport

/// Which accounts are the organization's, what they are called, and how entries and roles are named in a diagram.
struct AccountDirectory: Sendable {
    let names: [String: String]
    /// Accounts whose roles the analysis read, plus every account a finding's chain passes through.
    let members: Set<String>

    init(_ report: Report) {
        var analyzed = Set(report.snapshot.analyzedAccounts)
        for door in report.doors {
            analyzed.insert(door.account)
            for target in door.top {
                for arn in target.path.dropFirst() { if let account = ARN(arn)?.account { analyzed.insert(account) } }
            }
        }
        self.init(names: report.snapshot.accountNames, analyzed: analyzed.sorted(), findings: report.findings)
    }

    /// The directory of findings from anywhere (both sides of a diff): accounts their chains pass through are members.
    init(names: [String: String], analyzed: [String], findings: [Finding]) {
        self.names = names
        var members = Set(analyzed)
        for finding in findings {
            members.insert(finding.targetAccount)
            for arn in finding.path.dropFirst() {
                if let account = ARN(arn)?.account { members.insert(account) }
            }
        }
        self.members = members
    }

    /// The account a role ARN lives in (the text itself when it is not an ARN, so it still gets a box).
    func account(ofRole arn: String) -> String {
        ARN(arn)?.account ?? arn
    }

    /// External accounts with a name are known vendors.
    func vendorName(_ entry: Entry) -> String? {
        guard entry.kind == .externalAccount else { return nil }
        return entry.name ?? (members.contains(entry.id) ? nil : names[entry.id])
    }

    func kind(ofEntryAccount entry: Entry) -> AccountKind {
        vendorName(entry) == nil ? .external : .vendor
    }

    /// Cluster heading: the name (bold), then the id and what the account is.
    func clusterLabel(_ account: String, kind: AccountKind, vendorName: String? = nil) -> [String] {
        switch kind {
        case .member:
            if let name = names[account] { return [name, "\(account) · org account"] }
            return ["account \(account)", "org account"]
        case .external:
            return ["account \(account)", "external, unknown"]
        case .vendor:
            return [vendorName ?? names[account] ?? "vendor", "\(account) · known vendor"]
        }
    }

    /// An account in one line: `name (id)` or the id.
    func accountLine(_ account: String) -> String {
        names[account].map { "\($0) (\(account))" } ?? account
    }

    // MARK: - Nodes

    static func nodeID(_ entry: Entry) -> String { "entry:\(entry.kind.rawValue):\(entry.id)" }
    static func nodeID(role arn: String) -> String { "role:\(arn)" }
    static func nodeID(account: String) -> String { "account:\(account)" }

    /// An entry's node; external accounts' nodes sit inside their account's box, so they only say who.
    func node(_ entry: Entry) -> DiagramNode {
        let vendor = vendorName(entry)
        let (title, details): (String, [String]) = switch entry.kind {
        case .public: ("anyone", ["any AWS account (Principal *)"])
        case .externalAccount: ("any principal", [vendor.map { "of \($0)" } ?? "of this account"])
        case .service: ("AWS service", [entry.id])
        // A known issuer by its name (GitHub Actions), still saying that any holder of its tokens is meant.
        case .federated: entry.name.map { ($0, [FederatedNames.short(entry.id), "any token holder"]) } ?? Self.federated(entry.id)
        }
        return DiagramNode(id: Self.nodeID(entry), kind: .entry(entry.kind, vendor: vendor != nil), title: title,
                           details: details, severity: nil, tooltip: "\(entry.kind.rawValue): \(entry.id)")
    }

    func roleNode(_ arn: String) -> DiagramNode {
        let name = ARN(arn)?.resourceName ?? arn
        return DiagramNode(id: Self.nodeID(role: arn), kind: .role, title: name, details: ["passed through"], severity: nil,
                           tooltip: arn)
    }

    private static func federated(_ provider: String) -> (String, [String]) {
        let short = FederatedNames.short(provider)
        if short.hasPrefix("saml-provider/") {
            return ("SAML provider", [String(short.dropFirst("saml-provider/".count)), "any user it signs in"])
        }
        if short.hasPrefix("oidc-provider/") {
            return ("OIDC provider", [String(short.dropFirst("oidc-provider/".count)), "any token holder"])
        }
        return ("web identity", [short, "any token holder"])
    }
}
