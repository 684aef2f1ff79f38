import TrustPathModel

/// Words the multi-tenant deputy for people: a known vendor's account serves many customers, so a trust that
/// names it without a fixed sts:ExternalId lets any of them point the vendor at this role. A trust of `*` that a
/// vendor also passes is a public trust, reported as such, not a vendor note.
enum VendorNotes {
    static func apply(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            guard finding.entry.kind == .externalAccount, let vendor = finding.entry.name, let entryHop = finding.hops.first,
                  entryHop.matchedPrincipal.map({ PrincipalReference($0).account == finding.entry.id }) == true,
                  entryHop.guardsMissing.contains("sts:ExternalId") || !entryHop.weakGuards.isEmpty else { return finding }
            var noted = finding
            noted.note = "\(vendor) (\(finding.entry.id)) is a known SaaS vendor serving many customers: without a fixed "
                + "sts:ExternalId any of them can have \(vendor) assume this role for them — the textbook confused deputy."
            return noted
        }
    }
}
