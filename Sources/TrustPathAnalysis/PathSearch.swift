import TrustPathEngine
import TrustPathModel

/// Breadth-first search from one entry: shortest chains to every reachable role, preferring chains whose
/// hops are all open over shorter ones that rest on conditions. Hops are walked a bundle at a time and roles by
/// number: a set of alike roles is expanded at most `maxPaths` times per depth (later expansions could add no
/// parent a chain uses).
struct PathSearch {
    let graph: AttackGraph
    let entry: Actor
    let maxPaths: Int
    /// First hops through these statements are not this entry's own (an outside account passing a public trust).
    var skippedStatements: Set<StatementReference> = []

    /// For each reached role (by number): its distance and the bundles (up to `maxPaths`) that reach it at that distance.
    struct Layer {
        var distance: [Int]
        var parents: [[HopBundle]]
        /// The reached roles, in the order they were reached.
        var reached: [Int] = []
        /// Per shared target set: the depth it was expanded at, and how many times.
        var expanded: [Int: (depth: Int, count: Int)] = [:]

        init(roles: Int) {
            distance = Array(repeating: 0, count: roles)
            parents = Array(repeating: [], count: roles)
        }
    }

    func run() -> [(target: String, state: HopState, paths: [[HopVerdict]])] {
        let open = breadthFirst(allowConditional: false)
        let any = breadthFirst(allowConditional: true)
        let names = graph.roleARNs
        return any.reached.sorted().map { number in
            open.distance[number] > 0
                ? (names[number], .open, chains(to: number, in: open))
                : (names[number], .conditional, chains(to: number, in: any))
        }
    }

    private func breadthFirst(allowConditional: Bool) -> Layer {
        var layer = Layer(roles: graph.roleARNs.count)
        var frontier: [Int] = []
        let index = graph.index
        for bundle in graph.bundles(from: entry) where allowConditional || bundle.state == .open {
            for (target, number) in zip(bundle.targets, bundle.targetNumbers) where number >= 0 {
                if !skippedStatements.isEmpty, let statement = bundle.verdict(for: target, index: index).trustStatement,
                   skippedStatements.contains(statement) { continue }
                if layer.distance[number] == 0 {
                    layer.distance[number] = 1
                    layer.reached.append(number)
                    frontier.append(number)
                }
                if layer.distance[number] == 1 { layer.parents[number].append(bundle) }
            }
        }
        frontier.sort()
        guard entry.chainsOnward else { return layer }
        var depth = 1
        var found: [Int] = []
        while !frontier.isEmpty {
            depth += 1
            var next: [Int] = []
            for node in frontier {
                // Each node's new roles in ARN order (numbers are ARN order), as one hop per role would have found them.
                found.removeAll(keepingCapacity: true)
                for bundle in graph.bundles(fromRole: node) where allowConditional || bundle.state == .open {
                    if let set = bundle.targetSet {
                        if let seen = layer.expanded[set], seen.depth < depth || seen.count >= maxPaths { continue }
                        layer.expanded[set] = (depth, (layer.expanded[set]?.count ?? 0) + 1)
                    }
                    for number in bundle.targetNumbers where number >= 0 {
                        if layer.distance[number] == 0 {
                            layer.distance[number] = depth
                            layer.reached.append(number)
                            found.append(number)
                        }
                        if layer.distance[number] == depth, layer.parents[number].count < maxPaths {
                            layer.parents[number].append(bundle)
                        }
                    }
                }
                next += found.sorted()
            }
            frontier = next
        }
        return layer
    }

    /// Up to `maxPaths` shortest chains, the first following the first parent at every step.
    private func chains(to target: Int, in layer: Layer) -> [[HopVerdict]] {
        var result: [[HopVerdict]] = []
        let index = graph.index
        let names = graph.roleARNs
        func walk(_ node: Int, _ suffix: [HopVerdict]) {
            guard result.count < maxPaths else { return }
            for bundle in layer.parents[node] {
                guard result.count < maxPaths else { return }
                let chain = [bundle.verdict(for: names[node], index: index)] + suffix
                if case .roleSession(let previous) = bundle.actor, let number = index.targetGroups.roleNumbers[previous] {
                    walk(number, chain)
                } else {
                    result.append(chain)
                }
            }
        }
        walk(target, [])
        return result
    }
}
