import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// Which (entry, role) pairs each of many fixes removes, found from dominators rather than by walking the graph again
/// per fix. A fix closes the hops into its role that its statement alone allows, from the kinds of actor it stops.
/// In each entry's graph those hops are routed through one extra node per fix; the pairs the fix removes are the
/// roles that node dominates (every path from the entry to them passes it). One graph and one dominator tree per entry
/// answer for every fix at once: cost grows with entries × what they reach, not with fixes × entries × reach.
enum FixImpact {
    /// The pairs (as `AttackEdges.pair` names them) each fix removes, in the order of `fixes`; the same as comparing
    /// `reachablePairs` before and after, entry by entry.
    static func removedPairs(_ edges: AttackEdges, fixes: [Fix]) -> [[String]] {
        var removed = Array(repeating: [String](), count: fixes.count)
        // Fixes of one role each get their own pass: a hop two of them close cannot pass both their nodes.
        for layer in layers(fixes) {
            let byRole = Dictionary(layer.map { (fixes[$0].statement.owner, $0) }) { first, _ in first }
            let perEntry = orderedConcurrentMap(edges.entries.count) { position in
                EntryGraph(edges: edges, entry: edges.entries[position], fixes: fixes, byRole: byRole).removed()
            }
            for (position, found) in perEntry.enumerated() {
                for (fix, targets) in found {
                    removed[fix] += targets.map { AttackEdges.pair(edges.entries[position], $0) }
                }
            }
        }
        return removed
    }

    /// Fix positions split so that no two fixes of one layer edit the same role.
    static func layers(_ fixes: [Fix]) -> [[Int]] {
        var layers: [[Int]] = []
        var rolesOfLayer: [Set<String>] = []
        for position in fixes.indices {
            let role = fixes[position].statement.owner
            if let free = rolesOfLayer.firstIndex(where: { !$0.contains(role) }) {
                layers[free].append(position)
                rolesOfLayer[free].insert(role)
            } else {
                layers.append([position])
                rolesOfLayer.append([role])
            }
        }
        return layers
    }
}

/// One entry's reachable graph with a node in front of each fix's role for the hops the fix closes, and its
/// dominator tree.
private struct EntryGraph {
    private var successors: [[Int]] = [[]]
    /// The role of each node; nil for the entry, a fix's node and a shared set's node.
    private var roles: [String?] = [nil]
    /// For each fix (by position) in this pass that some hop passes: its node.
    private var fixNodes: [Int: Int] = [:]

    private struct SetKey: Hashable {
        var set: Int
        var statements: [Int]
        var actorClass: FixPlanner.ActorClass
    }

    init(edges: AttackEdges, entry: Actor, fixes: [Fix], byRole: [String: Int]) {
        var roleNodes: [String: Int] = [:]
        var setNodes: [SetKey: Int] = [:]
        // Keyed by base rather than set.
        var baseChains = BaseChains<SetKey>()
        var pending: [(actor: Actor, node: Int)] = [(entry, 0)]
        let chains = entry.chainsOnward
        let skipsPublic: Bool = if case .externalAccount = entry { true } else { false }

        func newNode(_ role: String?) -> Int {
            successors.append([])
            roles.append(role)
            return successors.count - 1
        }
        func roleNode(_ role: String) -> Int {
            if let known = roleNodes[role] { return known }
            let node = newNode(role)
            roleNodes[role] = node
            if chains { pending.append((.roleSession(role), node)) }
            return node
        }
        // A hop from `from` into `target` allowed by `statements`, from an actor of `actorClass`.
        func connect(_ from: Int, _ target: String, statements: [Int], actorClass: FixPlanner.ActorClass) {
            let to = roleNode(target)
            if let fix = byRole[target], Self.closes(fixes[fix], statements: statements, actorClass: actorClass) {
                let fixNode = fixNodes[fix] ?? {
                    let node = newNode(nil)
                    successors[node].append(to)
                    fixNodes[fix] = node
                    return node
                }()
                successors[from].append(fixNode)
            } else {
                successors[from].append(to)
            }
        }

        while let (actor, node) = pending.popLast() {
            let actorClass = FixPlanner.ActorClass(actor)
            for position in edges.outgoing[actor] ?? [] {
                let bundle = edges.bundles[position]
                guard actor != entry, let set = bundle.targetSet, bundle.targets.count > 1 else {
                    for target in bundle.targets {
                        if skipsPublic, actor == entry,
                           edges.statements(of: position, target: target).contains(where: edges.publicStatements.contains) { continue }
                        connect(node, target, statements: bundle.statementIndices, actorClass: actorClass)
                    }
                    continue
                }
                // Callers into one set of roles with the same statements and kind share a node: its arcs are laid once.
                let key = SetKey(set: set, statements: bundle.statementIndices, actorClass: actorClass)
                let setNode = setNodes[key] ?? {
                    let setNode = newNode(nil)
                    setNodes[key] = setNode
                    if let run = edges.roles.run(ofTargetSet: set) {
                        let names = edges.index.targetGroups.roleARNs
                        baseChains.lay(from: setNode, key: SetKey(set: run.base, statements: bundle.statementIndices, actorClass: actorClass),
                                   members: edges.roles.members(ofBase: run.base), lower: run.lower, upper: run.upper,
                                   newNode: { newNode(nil) }, arc: { successors[$0].append($1) },
                                   connect: { connect($0, names[$1], statements: bundle.statementIndices, actorClass: actorClass) })
                    } else {
                        for target in bundle.targets {
                            connect(setNode, target, statements: bundle.statementIndices, actorClass: actorClass)
                        }
                    }
                    return setNode
                }()
                successors[node].append(setNode)
            }
        }
    }

    static func closes(_ fix: Fix, statements: [Int], actorClass: FixPlanner.ActorClass) -> Bool {
        !statements.isEmpty && statements.allSatisfy { $0 == fix.statement.index } && fix.closes(actorClass)
    }

    /// For each fix some hop passes: the roles its node dominates, which the entry no longer reaches once it is applied.
    func removed() -> [(fix: Int, targets: [String])] {
        guard !fixNodes.isEmpty else { return [] }
        let dominators = Dominators.immediate(successors)
        var children = Array(repeating: [Int](), count: successors.count)
        for node in 1..<successors.count where dominators[node] >= 0 { children[dominators[node]].append(node) }
        return fixNodes.sorted { $0.key < $1.key }.map { fix, node in
            var targets: [String] = []
            var stack = children[node]
            while let next = stack.popLast() {
                if let role = roles[next] { targets.append(role) }
                stack += children[next]
            }
            return (fix, targets)
        }
    }
}
