import Synchronization
import TrustPathModel

/// Judges an actor's hops a group of alike roles at a time (`TargetGroups`): one evaluation per group, or per
/// subgroup where the actor's identity policies, boundary, SCPs or the target account's RCPs name some role ARNs
/// and not others (`Resource: arn:aws:iam::111122223333:role/app-*`). Every member of a subgroup gets the verdict
/// `HopEvaluator.evaluate(_:to:)` would give it; a subgroup's split is computed once per distinct set of patterns.
public final class HopBundler: Sendable {
    public let evaluator: HopEvaluator

    private struct SplitKey: Hashable {
        var group: Int
        var patterns: [MatchList]
    }

    /// Subgroups by group and resource patterns, each with the id of its target set.
    private let splits = Mutex<(known: [SplitKey: [(id: Int, members: [String])]], nextID: Int)>(([:], 0))
    /// The RCP resource patterns of each account, by assume action.
    private let controlPatterns = Mutex<[String: [MatchList]]>([:])

    public init(evaluator: HopEvaluator) { self.evaluator = evaluator }

    /// The open or conditional hops from `actor` into `candidates` (sorted ARNs), bundled; bundles are ordered by
    /// their first target.
    public func bundles(from actor: Actor, to candidates: [String]) -> [HopBundle] {
        guard !candidates.isEmpty else { return [] }
        let actor = actor.normalized
        let index = evaluator.index
        let base = ActorContext.base(for: actor, index: index)
        let callerPatterns = self.callerPatterns(actor)
        var groupsInOrder: [Int] = []
        var candidatesByGroup: [Int: [String]] = [:]
        var loose: [String] = []
        for arn in candidates {
            guard let group = index.targetGroups.groupOf[arn] else { loose.append(arn); continue }
            if candidatesByGroup[group] == nil { groupsInOrder.append(group) }
            candidatesByGroup[group, default: []].append(arn)
        }
        var result: [HopBundle] = []
        func judge(_ targets: [String], set: Int?) {
            let verdict = evaluator.evaluate(actor, to: targets[0], base: base)
            if verdict.state != .closed { result.append(HopBundle(template: verdict, targets: targets, targetSet: set)) }
        }
        for arn in loose { judge([arn], set: nil) }
        for group in groupsInOrder {
            let members = candidatesByGroup[group] ?? []
            guard members.count > 1 else { judge(members, set: nil); continue }
            guard let account = index.rolesByARN[members[0]]?.account,
                  members.count == index.targetGroups.members[group].count else {
                // Only part of a group is a candidate (never expected: a group shares its trust): one by one.
                for arn in members { judge([arn], set: nil) }
                continue
            }
            let patterns = callerPatterns + controlPatterns(account: account, action: actor.assumeAction)
            for subgroup in split(group: group, members: members, patterns: patterns) {
                judge(subgroup.members, set: subgroup.id)
            }
        }
        return result.sorted { $0.targets[0] < $1.targets[0] }
    }

    /// The resource patterns of the caller's side that could tell two roles apart (its identity policies, boundary
    /// and SCPs); none for an entry.
    private func callerPatterns(_ actor: Actor) -> [MatchList] {
        guard case .roleSession(let arn) = actor, let caller = evaluator.index.rolesByARN[arn] else { return [] }
        let index = evaluator.index
        var missing: [String] = []
        var documents = IdentityEvaluator.identityPolicies(of: caller, index: index, missing: &missing).map(\.document)
        if let boundary = caller.permissionsBoundaryARN, let document = index.managedPolicy(boundary, account: caller.account) {
            documents.append(document)
        }
        documents += index.organizationPolicies(.serviceControl, for: caller.account).map(\.document)
        return Self.distinguishing(documents, action: "sts:AssumeRole")
    }

    private func controlPatterns(account: String, action: String) -> [MatchList] {
        let key = account + " " + action
        if let known = controlPatterns.withLock({ $0[key] }) { return known }
        let documents = evaluator.index.organizationPolicies(.resourceControl, for: account).map(\.document)
        let patterns = Self.distinguishing(documents, action: action)
        controlPatterns.withLock { $0[key] = patterns }
        return patterns
    }

    /// The `Resource`/`NotResource` lists of statements that cover `action` and may cover some ARNs but not others,
    /// sorted. Patterns are matched as the evaluator matches them (a policy variable is literal text), so the split
    /// is exact.
    static func distinguishing(_ documents: [PolicyDocument], action: String) -> [MatchList] {
        var lists: Set<MatchList> = []
        for document in documents {
            for statement in document.statements where statement.action.coversAction(action) {
                guard let resource = statement.resource, !resource.patterns.contains("*") else { continue }
                lists.insert(resource)
            }
        }
        return lists.sorted { left, right in
            (left.negated ? 1 : 0, left.patterns.joined(separator: "\u{1}")) < (right.negated ? 1 : 0, right.patterns.joined(separator: "\u{1}"))
        }
    }

    /// A group's members split by which of `patterns` cover them; each part keeps the members' order.
    private func split(group: Int, members: [String], patterns: [MatchList]) -> [(id: Int, members: [String])] {
        let key = SplitKey(group: group, patterns: patterns)
        if let known = splits.withLock({ $0.known[key] }) { return known }
        var parts: [[Bool]: [String]] = [:]
        var order: [[Bool]] = []
        for arn in members {
            let covered = patterns.map { $0.coversResource(arn) }
            if parts[covered] == nil { order.append(covered) }
            parts[covered, default: []].append(arn)
        }
        return splits.withLock { state in
            if let known = state.known[key] { return known }
            let numbered = order.map { covered in
                state.nextID += 1
                return (id: state.nextID, members: parts[covered] ?? [])
            }
            state.known[key] = numbered
            return numbered
        }
    }
}
