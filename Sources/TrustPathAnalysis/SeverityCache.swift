import Synchronization
import TrustPathEngine
import TrustPathModel

/// Each target's severity, judged once; roles whose permissions are the same (the same attached policies,
/// boundary and SCPs) share one judgement, since probing a large policy action by action is costly.
final class SeverityCache: Sendable {
    private let index: SnapshotIndex
    private let byRole = Mutex<[String: (Severity, String)]>([:])
    private let bySignature = Mutex<[PermissionProbe.Signature: (Severity, String)]>([:])

    private let crownJewels: [CrownJewelRule]

    init(index: SnapshotIndex, crownJewels: [CrownJewelRule] = []) {
        self.index = index
        self.crownJewels = crownJewels
    }

    /// The severity with the project file's crown jewels applied: a matching rule raises it one level.
    func judged(_ role: Role) -> (severity: Severity, reason: String, crownJewel: CrownJewelMark?) {
        let base = severity(of: role)
        guard let rule = crownJewels.first(where: { CrownJewels.matches($0, role) }) else { return (base.0, base.1, nil) }
        return (Severity.allCases[max(0, base.0.rank - 1)], base.1, CrownJewelMark(rule: rule.description, raisedFrom: base.0))
    }

    func severity(of role: Role) -> (Severity, String) {
        if let known = byRole.withLock({ $0[role.arn] }) { return known }
        let probe = PermissionProbe(role: role, index: index)
        let judged = bySignature.withLock { $0[probe.signature] } ?? {
            let judged = SeverityClassifier.classify(probe)
            bySignature.withLock { $0[probe.signature] = judged }
            return judged
        }()
        byRole.withLock { $0[role.arn] = judged }
        return judged
    }
}
