import Synchronization
import TrustPathModel

/// Judges an actor's hops a group of alike roles at a time (`TargetGroups`): one evaluation per group, or per
/// subgroup where the actor's identity policies, boundary, SCPs or the target account's RCPs name some role ARNs
/// and not others (`Resource: arn:aws:iam::111122223333:role/app-*`). Every member of a subgroup gets the verdict
/// `HopEvaluator.evaluate(_:to:)` would give it; a subgroup's split is computed once per distinct set of patterns.
public final class HopBundler: Sendable {
    public let evaluator: HopEvaluator

    /// Hashed before the lock is taken (`Prehashed`): every core asks for splits.
    private struct SplitKey: Hashable, Sendable {
        var group: Int
        var patterns: [MatchList]
        /// The caller's account, when the group spans accounts: a role of the caller's own account may need no
        /// identity permission where another account's does.
        var callerAccount: String?
    }

    /// Part of a group: the members a caller's request treats alike, with what tells them apart from the others.
    private struct Part: Sendable {
        var id: Int
        var members: [String]
        var numbers: [Int]
        var signature: Signature
    }

    /// Which of a split key's patterns cover a role, and whether it is in the caller's account, as bits: the first 64
    /// in `low`, so that splitting a large group allocates nothing per role for the usual handful of patterns.
    struct Signature: Hashable {
        var low: UInt64 = 0
        var high: [UInt64] = []

        mutating func set(_ bit: Int) {
            if bit < 64 {
                low |= 1 << UInt64(bit)
                return
            }
            let word = bit / 64 - 1
            while high.count <= word { high.append(0) }
            high[word] |= 1 << UInt64(bit % 64)
        }
    }

    /// Parts by group, resource patterns and caller account, each with the id of its target set.
    private let splits = Mutex<(known: [Prehashed<SplitKey>: [Part]], nextID: Int)>(([:], 0))
    /// The RCP resource patterns of each account, by assume action.
    private let controlPatterns = Mutex<[String: [MatchList]]>([:])

    public init(evaluator: HopEvaluator) { self.evaluator = evaluator }

    /// The open or conditional hops from `actor` into the candidate groups, bundled; bundles are ordered by their
    /// first target.
    public func bundles(from actor: Actor, into candidates: [CandidateGroup]) -> [HopBundle] {
        guard !candidates.isEmpty else { return [] }
        let actor = actor.normalized
        let index = evaluator.index
        let base = ActorContext.base(for: actor, index: index)
        let callerPatterns = self.callerPatterns(actor)
        let callerAccount: String? = if case .roleSession(let arn) = actor { index.rolesByARN[arn]?.account } else { nil }
        var result: [HopBundle] = []
        func judge(_ targets: [String], numbers: [Int]? = nil, set: Int?) {
            let verdict = evaluator.evaluate(actor, to: targets[0], base: base)
            guard verdict.state != .closed else { return }
            let numbers = numbers ?? targets.map { index.targetGroups.roleNumbers[$0] ?? -1 }
            result.append(HopBundle(template: verdict, targets: targets, targetNumbers: numbers, targetSet: set))
        }
        for candidate in candidates {
            let group = candidate.group
            guard index.targetGroups.members[group].count > 1, let account = index.rolesByARN[candidate.members[0]]?.account else {
                judge(candidate.members, set: nil)
                continue
            }
            let key = SplitKey(group: group, patterns: callerPatterns + controlPatterns(account: account, action: actor.assumeAction),
                               callerAccount: index.targetGroups.spansAccounts[group] ? callerAccount : nil)
            let parts = split(key)
            if candidate.whole {
                for part in parts { judge(part.members, numbers: part.numbers, set: part.id) }
                continue
            }
            // The caller's own account's part of the group (a caller without identity permission): each part met whole
            // keeps its id.
            let numbers = candidate.members.map { index.targetGroups.roleNumbers[$0] ?? -1 }
            for bucket in Self.bySignature(candidate.members, numbers: numbers, key: key, index: index) {
                let whole = parts.first { $0.signature == bucket.signature && $0.members.count == bucket.members.count }
                judge(bucket.members, numbers: whole?.numbers ?? bucket.numbers, set: whole?.id)
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

    /// Which of the key's patterns cover a role, and whether it is in the caller's account: roles alike in all of these
    /// get the same verdict.
    private static func signature(_ arn: String, number: Int, key: SplitKey, index: SnapshotIndex) -> Signature {
        var signature = Signature()
        for (bit, pattern) in key.patterns.enumerated() where pattern.coversResource(arn) { signature.set(bit) }
        if let account = key.callerAccount {
            let roleAccount = number >= 0 ? index.targetGroups.accountOfNumber[number] : index.rolesByARN[arn]?.account
            if roleAccount == account { signature.set(key.patterns.count) }
        }
        return signature
    }

    /// Roles (with their numbers, -1 for none) split by signature, in order of first appearance; each part keeps the
    /// roles' order. Neighbours in ARN order mostly share a signature, so a run of them costs no table look-up.
    private static func bySignature(_ arns: [String], numbers: [Int], key: SplitKey, index: SnapshotIndex)
        -> [(signature: Signature, members: [String], numbers: [Int])] {
        var parts: [(signature: Signature, members: [String], numbers: [Int])] = []
        var partOf: [Signature: Int] = [:]
        var current = -1
        for (arn, number) in zip(arns, numbers) {
            let signature = signature(arn, number: number, key: key, index: index)
            if current < 0 || parts[current].signature != signature {
                if let known = partOf[signature] {
                    current = known
                } else {
                    current = parts.count
                    partOf[signature] = current
                    parts.append((signature, [], []))
                }
            }
            parts[current].members.append(arn)
            parts[current].numbers.append(number)
        }
        return parts
    }

    /// A group's members split by signature, each part numbered once as a target set.
    private func split(_ key: SplitKey) -> [Part] {
        let hashed = Prehashed(key)
        if let known = splits.withLock({ $0.known[hashed] }) { return known }
        let index = evaluator.index
        if let account = key.callerAccount {
            return splitOff(account, from: split(SplitKey(group: key.group, patterns: key.patterns, callerAccount: nil)), key: hashed)
        }
        let parts = Self.bySignature(index.targetGroups.members[key.group], numbers: index.targetGroups.memberNumbers[key.group],
                                     key: key, index: index)
        return record(hashed, parts.map { Part(id: Self.unnumbered, members: $0.members, numbers: $0.numbers, signature: $0.signature) })
    }

    /// The parts for a caller of `account`: the parts without it, each less the account's own members, which form parts
    /// of their own. A group spanning a thousand accounts is split once, and then per caller account only over that
    /// account's few members; a part holding none of them keeps its id, so callers of every other account share it.
    private func splitOff(_ account: String, from parts: [Part], key: Prehashed<SplitKey>) -> [Part] {
        let index = evaluator.index
        let own = index.targetGroups.members(of: key.key.group, in: account).compactMap { index.targetGroups.roleNumbers[$0] }
        guard !own.isEmpty else { return record(key, parts) }
        let ownBit = key.key.patterns.count
        return record(key, {
            var result: [Part] = []
            for part in parts {
                // Numbers follow the ARN order both lists are sorted in: one merge tells the account's members apart.
                var others = Part(id: 0, members: [], numbers: [], signature: part.signature)
                var mine = others
                mine.signature.set(ownBit)
                var next = own.startIndex
                for (member, number) in zip(part.members, part.numbers) {
                    while next < own.endIndex, own[next] < number { next += 1 }
                    if next < own.endIndex, own[next] == number {
                        mine.members.append(member)
                        mine.numbers.append(number)
                    } else {
                        others.members.append(member)
                        others.numbers.append(number)
                    }
                }
                // A part the account's members leave alone, or that is all theirs, keeps its members and so its id.
                guard !mine.members.isEmpty, !others.members.isEmpty else {
                    var same = part
                    if others.members.isEmpty { same.signature = mine.signature }
                    result.append(same)
                    continue
                }
                for var side in [others, mine] {
                    side.id = Self.unnumbered
                    result.append(side)
                }
            }
            // In order of each part's first member, as splitting the whole group by signature would list them.
            return result.sorted { $0.numbers[0] < $1.numbers[0] }
        }())
    }

    /// The id of a part not numbered yet.
    private static let unnumbered = -1

    /// Keeps the parts made for `key` (made outside the lock), numbering the new ones, unless another thread kept
    /// parts for it first.
    private func record(_ key: Prehashed<SplitKey>, _ made: [Part]) -> [Part] {
        splits.withLock { state in
            if let known = state.known[key] { return known }
            var parts = made
            for position in parts.indices where parts[position].id == Self.unnumbered {
                state.nextID += 1
                parts[position].id = state.nextID
            }
            state.known[key] = parts
            return parts
        }
    }
}
