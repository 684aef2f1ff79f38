import TrustPathModel

/// Words the multi-tenant deputy for people: a known vendor's account serves many customers, so a trust that
/// names it without a fixed sts:ExternalId lets any of them point the vendor at this role. A trust of `*` that a
/// vendor also passes is a public trust, reported as such, not a vendor note.
enum VendorNotes {
    /// Notes, in place, the findings whose first hop is a vendor's without a fixed sts:ExternalId.
    static func apply(_ findings: inout [Finding]) {
        for position in findings.indices where findings[position].entry.kind == .externalAccount {
            guard let entryHop = findings[position].hops.first,
                  let note = note(for: findings[position].entry, hop: entryHop) else { continue }
            findings[position].note = note
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
