import TrustPathEngine
import TrustPathModel

/// Breadth-first search from one entry: shortest chains to every reachable role, preferring chains whose
/// hops are all open over shorter ones that rest on conditions. Walks the flat `RoleGraph` by role number: a set
/// of alike roles is expanded at most `maxPaths` times per depth (later expansions could add no parent a chain
/// uses), and the per-role state lives in `Layer`s a worker reuses from one entry to the next.
struct PathSearch {
    let graph: AttackGraph
    let roles: RoleGraph
    let entry: Actor
    let maxPaths: Int
    /// First hops through these statements are not this entry's own (an outside account passing a public trust).
    var skippedStatements: Set<StatementReference> = []

    /// For each reached role (by number): its distance and the edges (up to `maxPaths`) that reach it at that
    /// distance. An edge is a `RoleGraph` edge, or `-1 - k` for the entry's own bundle `k`. Valid for the roles of
    /// `reached` only: the arrays are reused, not cleared.
    final class Layer {
        private(set) var distance: [Int32]
        private(set) var parentCount: [UInt8]
        private(set) var parents: [Int32]
        /// The reached roles, in the order they were reached.
        private(set) var reached: [Int] = []
        /// Per target set: the depth it was expanded at, and how many times (valid when `marks` holds the set).
        private var setDepth: [Int32]
        private var setCount: [Int32]
        let marks: WalkMarks
        let expander: SetExpander
        let maxPaths: Int

        init(roles: RoleGraph, maxPaths: Int) {
            self.maxPaths = maxPaths
            distance = Array(repeating: 0, count: roles.roleCount)
            parentCount = Array(repeating: 0, count: roles.roleCount)
            parents = Array(repeating: 0, count: roles.roleCount * maxPaths)
            setDepth = Array(repeating: 0, count: roles.setCount)
            setCount = Array(repeating: 0, count: roles.setCount)
            marks = WalkMarks(roles: roles.roleCount, sets: roles.setCount)
            expander = SetExpander(roles: roles, fullPasses: maxPaths)
        }

        func begin() {
            marks.begin()
            expander.begin()
            reached.removeAll(keepingCapacity: true)
        }

        /// The distance of a role from the entry; 0 when not reached.
        func distance(of number: Int) -> Int { marks.isMarked(role: number) ? Int(distance[number]) : 0 }

        /// Whether no edge at `depth` or deeper can change the role's distance or parents.
        func settled(_ number: Int, depth: Int) -> Bool {
            marks.isMarked(role: number) && (Int(distance[number]) < depth || Int(parentCount[number]) >= maxPaths)
        }

        /// Reaches a role at `depth` through `edge`; true when it was not reached before.
        func reach(_ number: Int, depth: Int, through edge: Int32) -> Bool {
            if marks.markRole(number) {
                distance[number] = Int32(depth)
                parentCount[number] = 1
                parents[number * maxPaths] = edge
                reached.append(number)
                return true
            }
            if Int(distance[number]) == depth, Int(parentCount[number]) < maxPaths {
                parents[number * maxPaths + Int(parentCount[number])] = edge
                parentCount[number] += 1
            }
            return false
        }

        /// Whether a set may be expanded at `depth`, counting the expansion.
        func expand(_ set: Int, depth: Int) -> Bool {
            if marks.markSet(set) {
                setDepth[set] = Int32(depth)
                setCount[set] = 1
                return true
            }
            if Int(setDepth[set]) < depth || Int(setCount[set]) >= maxPaths { return false }
            setCount[set] += 1
            return true
        }

        /// The edges a shortest path to `number` comes through.
        func parents(of number: Int) -> ArraySlice<Int32> {
            parents[(number * maxPaths)..<(number * maxPaths + Int(parentCount[number]))]
        }
    }

    /// A worker's two layers: all-open chains, and any chains.
    final class Layers {
        let open: Layer
        let any: Layer
        init(roles: RoleGraph, maxPaths: Int) {
            open = Layer(roles: roles, maxPaths: maxPaths)
            any = Layer(roles: roles, maxPaths: maxPaths)
        }
    }

    /// One reachable role: its state, its first chain's hops, and every chain (the first included) as role ARNs.
    struct Reached {
        var number: Int
        var target: String
        var state: HopState
        var hops: [Hop]
        var paths: [[String]]
    }

    /// Every reachable role, sorted by ARN, with its state and chains; `first` are the entry's bundles
    /// (`AttackGraph.bundles(from:)`), `open` and `any` a worker's layers.
    func run(first: [HopBundle], open: Layer, any: Layer) -> [Reached] {
        breadthFirst(allowConditional: false, first: first, into: open)
        breadthFirst(allowConditional: true, first: first, into: any)
        let names = graph.roleARNs
        // A bundle's hops differ only in their target and its trust statement: each bundle is worded once per search.
        var worded: [ObjectIdentifier: Hop] = [:]
        func hop(_ step: Step) -> Hop {
            let bundle = step.bundle(first, roles)
            var hop = worded[ObjectIdentifier(bundle)] ?? {
                let made = Hop(bundle.template)
                worded[ObjectIdentifier(bundle)] = made
                return made
            }()
            let target = names[step.role]
            if target != hop.to {
                hop.to = target
                hop.statement = bundle.trustStatement(of: target, index: graph.index)
            }
            return hop
        }
        return any.reached.sorted().compactMap { number in
            let reachedOpen = open.distance(of: number) > 0
            let chains = chains(to: number, in: reachedOpen ? open : any)
            guard let chain = chains.first else { return nil }
            // Only the first chain's hops are worded (a finding's `hops`); the alternatives are kept as ARNs.
            return Reached(number: number, target: names[number], state: reachedOpen ? .open : .conditional,
                           hops: chain.map(hop), paths: chains.map { $0.map { names[$0.role] } })
        }
    }

    private func breadthFirst(allowConditional: Bool, first: [HopBundle], into layer: Layer) {
        layer.begin()
        var frontier: [Int] = []
        let index = graph.index
        for (position, bundle) in first.enumerated() where allowConditional || bundle.state == .open {
            for (target, number) in zip(bundle.targets, bundle.targetNumbers) where number >= 0 {
                if !skippedStatements.isEmpty, let statement = bundle.verdict(for: target, index: index).trustStatement,
                   skippedStatements.contains(statement) { continue }
                if layer.reach(number, depth: 1, through: Int32(-1 - position)) { frontier.append(number) }
            }
        }
        frontier.sort()
        guard entry.chainsOnward else { return }
        var depth = 1
        var found: [Int] = []
        var next: [Int] = []
        while !frontier.isEmpty {
            depth += 1
            next.removeAll(keepingCapacity: true)
            for node in frontier {
                // Each node's new roles in ARN order (numbers are ARN order), as one hop per role would have found them.
                found.removeAll(keepingCapacity: true)
                for edge in roles.edges(of: node) where allowConditional || roles.edgeOpen[edge] {
                    let set = Int(roles.edgeSet[edge])
                    guard layer.expand(set, depth: depth) else { continue }
                    layer.expander.expand(set, depth: depth, settled: { layer.settled($0, depth: depth) }) { number in
                        if layer.reach(number, depth: depth, through: Int32(edge)) { found.append(number) }
                    }
                }
                next += found.sorted()
            }
            swap(&frontier, &next)
        }
    }

    /// One step of a chain: the role reached and the edge it was reached through (`-1 - k` for the entry's bundle `k`).
    struct Step {
        var role: Int
        var edge: Int32

        /// The bundle the step's hop belongs to.
        func bundle(_ first: [HopBundle], _ roles: RoleGraph) -> HopBundle {
            edge < 0 ? first[Int(-1 - edge)] : roles.edgeBundle[Int(edge)]
        }
    }

    /// Up to `maxPaths` shortest chains, the first following the first parent at every step.
    private func chains(to target: Int, in layer: Layer) -> [[Step]] {
        var result: [[Step]] = []
        func walk(_ node: Int, _ suffix: [Step]) {
            guard result.count < maxPaths else { return }
            for edge in layer.parents(of: node) {
                guard result.count < maxPaths else { return }
                let chain = [Step(role: node, edge: edge)] + suffix
                if edge < 0 {
                    result.append(chain)
                } else {
                    walk(Int(roles.edgeSource[Int(edge)]), chain)
                }
            }
        }
        walk(target, [])
        return result
    }
}
