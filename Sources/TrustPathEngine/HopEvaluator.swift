import TrustPathModel

/// Answers "can an attacker acting as X obtain role R?" per the analysis contract: the trust side judged
/// from the attacker's position, the caller's identity side, boundaries, SCPs and RCPs.
public struct HopEvaluator: Sendable {
    public let index: SnapshotIndex

    public init(index: SnapshotIndex) { self.index = index }

    public func evaluate(_ actor: Actor, to targetARN: String) -> HopVerdict {
        let actor = actor.normalized
        return evaluate(actor, to: targetARN, base: ActorContext.base(for: actor, index: index))
    }

    /// The verdicts of one actor's hops to many targets, in their order: the actor's side of the request is
    /// built once for all of them.
    public func evaluate(_ actor: Actor, to targetARNs: [String]) -> [HopVerdict] {
        guard !targetARNs.isEmpty else { return [] }
        let actor = actor.normalized
        let base = ActorContext.base(for: actor, index: index)
        return targetARNs.map { evaluate(actor, to: $0, base: base) }
    }

    func evaluate(_ actor: Actor, to targetARN: String, base: RequestContext) -> HopVerdict {
        guard let target = index.rolesByARN[targetARN] else {
            return HopVerdict(actor: actor, target: targetARN, state: .closed, reasons: ["\(targetARN) is not in the snapshot"])
        }
        if let refusal = structuralRefusal(actor, target: target) {
            return HopVerdict(actor: actor, target: targetARN, state: .closed, reasons: [refusal])
        }
        let context = ActorContext.make(base: base, target: target, index: index)
        let trust = TrustEvaluator.evaluate(actor: actor, target: target, index: index, context: context)
        var verdict = HopVerdict(actor: actor, target: targetARN, state: trust.state, trustStatement: trust.reference,
                                 matchedPrincipal: trust.match?.description, restsOn: trust.restsOn.map(\.summary),
                                 reasons: trust.reasons)
        if trust.state == .closed, let pinned = tenantPinned(actor, target: target, context: context) { verdict.reasons.append(pinned) }
        let clauses = trust.statement.map(\.conditions)
            ?? (target.trustPolicy?.statements.filter { $0.effect == .allow }.flatMap(\.conditions) ?? [])
        verdict.reasons += FactReasons.reasons(actor: actor, clauses: clauses, index: index)
        verdict.allowingStatements = trust.allowing
        guard trust.state != .closed, let match = trust.match else { return verdict }

        if case .roleSession(let callerARN) = actor, let caller = index.rolesByARN[callerARN] {
            let identity = IdentityEvaluator.evaluate(caller: caller, target: target, trustMatch: match, index: index,
                                                      context: context)
            verdict.identityRequired = identity.required
            verdict.identityStatement = identity.allowing
            verdict.reasons += identity.reasons
            verdict.restsOn += identity.restsOn
            verdict.state = max(verdict.state, identity.state)
            if verdict.state == .closed { return verdict }
        }
        applyResourceControlPolicies(target: target, context: context, to: &verdict)
        if verdict.state == .closed { return verdict }

        let standing: FederatedStanding? = if case .federated(let id) = actor { index.federatedStanding(id) } else { nil }
        verdict.setGuards(GuardJudgement.guards(statement: trust.statement, actor: actor, context: context, standing: standing))
        if case .unknownIssuer? = standing { verdict.reasons.insert(FederatedStanding.unknownIssuer.reason, at: 0) }
        return verdict
    }

    /// Why a multi-tenant issuer's hop closed, in the contract's words, when a trust statement names its tenant claim.
    private func tenantPinned(_ actor: Actor, target: Role, context: RequestContext) -> String? {
        guard case .federated(let id) = actor else { return nil }
        let provider = FederatedProvider(id)
        guard let claim = provider.tenantClaim, let key = provider.pinningKeys.first else { return nil }
        let names = target.trustPolicy?.statements.contains { statement in
            statement.effect == .allow && statement.conditions.contains {
                $0.normalizedKey == key.lowercased() && !ClauseEvaluation.outcome(of: $0, in: context).canBeTrue
            }
        } ?? false
        guard names else { return nil }
        return "\(key) pins the tenant (\(claim.shape)) literally through its delimiter: "
            + "another tenant's token from \(provider.entryID) does not match"
    }

    /// Hops the contract rules out before any policy is read.
    private func structuralRefusal(_ actor: Actor, target: Role) -> String? {
        switch actor {
        case .roleSession(let arn):
            guard let caller = index.rolesByARN[arn] else { return "\(arn) is not in the snapshot" }
            if caller.partition != target.partition {
                return "partitions never mix: \(caller.partition) cannot reach \(target.partition)"
            }
        case .service(let name):
            if target.isServiceLinked {
                return "\(target.name) is a service-linked role: it serves its own account only"
            }
            if let service = ServicePrincipals.passRoleOnly(name) {
                return "\(name) is not an entry: \(service.reason) (\(service.source))"
            }
        case .federated(let id):
            let standing = index.federatedStanding(id)
            if !standing.isEntry { return "\(id): \(standing.reason)" }
        case .anyone, .externalAccount:
            break
        }
        return nil
    }

    private func applyResourceControlPolicies(target: Role, context: RequestContext, to verdict: inout HopVerdict) {
        let rcps = index.organizationPolicies(.resourceControl, for: target.account)
        guard !rcps.isEmpty else { return }
        let answer = PolicySetEvaluation.answer(
            rcps.map { LocatedPolicy(document: $0.document, owner: "RCP \($0.name)", location: $0.location) },
            action: verdict.actor.assumeAction, resource: target.arn, context: context)
        switch answer.state {
        case .closed:
            verdict.state = .closed
            verdict.reasons.append("the RCPs of account \(target.account) block it"
                + (answer.denying.map { " (\($0.owner) denies)" } ?? ""))
        case .conditional:
            verdict.state = max(verdict.state, .conditional)
            verdict.restsOn += (answer.allowRestsOn + answer.denyRestsOn).map(\.summary)
        case .open:
            break
        }
    }
}
