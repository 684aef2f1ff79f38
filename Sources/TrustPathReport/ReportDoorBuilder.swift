import TrustPathAnalysis
import TrustPathEngine
import TrustPathEvidence
import TrustPathModel
import TrustPathRemediation

/// One door as the report shows it: the analysis's door joined with its fix, where it is in its file, its role's
/// facts from the export (last use, session, Identity Center) and, with a trail, who was seen passing it.
enum ReportDoorBuilder {
    static func door(_ door: Door, index: SnapshotIndex, fix: Fix?, region: SourceRegion?, diagram: String?,
                     trail: CloudTrailIndex?) -> ReportDoor {
        let role = index.rolesByARN[door.key.role]
        var built = ReportDoor(
            id: door.key.description, role: door.key.role, account: door.account, statement: door.key.statement,
            sid: door.statement.sid, file: door.statement.file, region: region, entries: door.entries,
            severity: door.severity, severityReason: door.severityReason, category: door.category, state: door.state,
            behind: Dictionary(uniqueKeysWithValues: door.behind.map { ($0.key.rawValue, $0.value) }), top: door.top,
            fix: fix, lastUsed: role?.lastUsed.map { LastUsed(date: $0.day, region: $0.region) }, diagram: diagram,
            expiredAcceptance: door.expiredAcceptance)
        if let role {
            built.mayDelete = role.lastUsed == nil && role.trustIsHandEditable
            built.permissionSet = role.isManagedByIdentityCenter ? role.identityCenterPermissionSet ?? role.name : nil
            built.session = role.trustPolicy?.statements.first { $0.index == door.key.statement }
                .map { SessionFacts(statement: $0, role: role, chained: false) }
        }
        if let trail, let seen = EvidenceJoin.observed(built, in: trail, trusted: index.trustedAccounts) {
            built.observedEntry = seen.entry
            built.observed = seen.seen
        }
        return built
    }
}
