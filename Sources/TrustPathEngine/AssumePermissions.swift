import Synchronization
import TrustPathModel

/// Whether a role session's own policies could ever let it call `sts:AssumeRole`. A session without such a
/// permission reaches only roles of its own account that trust it by ARN or `*`: every other hop needs the
/// identity side (SPEC §3.3) and is closed, so the graph need not evaluate it. Attached policies missing
/// from the snapshot count as allowing, since they make such hops conditional rather than closed.
public final class AssumePermissions: Sendable {
    private let index: SnapshotIndex
    /// Per account and managed policy ARN: whether its default document may allow the call.
    private let managed = Mutex<[String: Bool]>([:])

    /// Answers for the roles of this snapshot.
    public init(index: SnapshotIndex) { self.index = index }

    /// False only when no Allow of the caller's inline or attached policies covers `sts:AssumeRole`.
    public func mayAssumeRoles(_ caller: Role) -> Bool {
        if caller.inlinePolicies.contains(where: { Self.mayAllow($0.document) }) { return true }
        for arn in caller.attachedPolicyARNs {
            let key = caller.account + " " + arn
            let allows = managed.withLock { $0[key] } ?? {
                let allows = index.managedPolicy(arn, account: caller.account).map(Self.mayAllow) ?? true
                managed.withLock { $0[key] = allows }
                return allows
            }()
            if allows { return true }
        }
        return false
    }

    /// An Allow whose actions cover the call, whatever its resources and conditions.
    static func mayAllow(_ document: PolicyDocument) -> Bool {
        document.statements.contains { $0.effect == .allow && $0.action.coversAction("sts:AssumeRole") }
    }
}
