import Synchronization
import TrustPathEngine
import TrustPathModel

/// Each target's severity, judged once; roles whose permissions are the same (the same attached policies,
/// boundary and SCPs) share one judgement, since probing a large policy action by action is costly.
final class SeverityCache: Sendable {
    private let index: SnapshotIndex
    private let byRole = Mutex<[String: (Severity, String)]>([:])
    private let bySignature = Mutex<[PermissionProbe.Signature: (Severity, String)]>([:])

    init(index: SnapshotIndex) { self.index = index }

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
