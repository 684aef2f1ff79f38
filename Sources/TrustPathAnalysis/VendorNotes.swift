import TrustPathModel

/// Words the multi-tenant deputy for people: a known vendor's account serves many customers, so a trust that
/// names it without a fixed sts:ExternalId lets any of them point the vendor at this role. A trust of `*` that a
/// vendor also passes is a public trust, reported as such, not a vendor note.
enum VendorNotes {
    static func apply(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            guard let entryHop = finding.hops.first, let note = note(for: finding.entry, hop: entryHop) else { return finding }
            var noted = finding
            noted.note = note
            return noted
        }
    }

    /// The two threats of a known vendor: another customer steering it (the first hop only, since the attacker never
    /// holds the session) and the vendor's own account compromised (every chain).
    static func note(for entry: Entry, hop entryHop: Hop) -> String? {
        guard entry.kind == .externalAccount, let vendor = entry.name,
              entryHop.matchedPrincipal.map({ PrincipalReference($0).account == entry.id }) == true,
              entryHop.guardsMissing.contains("sts:ExternalId") || !entryHop.weakGuards.isEmpty else { return nil }
        return "\(vendor) (\(entry.id)) is a known SaaS vendor serving many customers: without a fixed sts:ExternalId any "
            + "of them can have \(vendor) assume this role for them — the textbook confused deputy (this first hop only: "
            + "the other customer never holds the session). Every later hop needs \(vendor)'s own account compromised."
    }
}
