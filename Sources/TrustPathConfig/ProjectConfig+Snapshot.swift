import TrustPathModel

extension ProjectConfig {
    /// Applies the file's account trust to a snapshot and lists the file among the snapshot's inputs.
    public func apply(to snapshot: inout Snapshot) {
        snapshot.additionallyTrusted = Set(trustedAccounts)
        snapshot.untrusted = Set(untrustedAccounts)
        snapshot.ownIdentityProviders = identityProviders.own
        snapshot.outsideIdentityProviders = identityProviders.outside
        guard let source else { return }
        let ownVendors = vendors.filter { KnownVendors.all[$0.key] != $0.value }.count
        let detail = "project file: \(ownVendors) vendor(s) of its own, \(crownJewels.count) crown-jewel rule(s), "
            + "\(trustedAccounts.count + untrustedAccounts.count) account trust override(s), \(acceptedRisks.count) accepted risk(s)"
            + (identityProviders.own.isEmpty && identityProviders.outside.isEmpty ? ""
                : ", \(identityProviders.own.count) own and \(identityProviders.outside.count) outside identity provider(s)")
        snapshot.files.append(InputFile(path: source, kind: .projectConfig, detail: detail))
        snapshot.files.sort { $0.path < $1.path }
    }
}
