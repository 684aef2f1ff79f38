import TrustPathEngine
import TrustPathModel

/// Breadth-first search from one entry: shortest chains to every reachable role, preferring chains whose
/// hops are all open over shorter ones that rest on conditions. Hops are walked a bundle at a time: a set of
/// alike roles is expanded at most `maxPaths` times per depth (later expansions could add no parent a chain uses).
struct PathSearch {
    let graph: AttackGraph
    let entry: Actor
    let maxPaths: Int
    /// First hops through these statements are not this entry's own (an outside account passing a public trust).
    var skippedStatements: Set<StatementReference> = []

    /// For each reached role: its distance and the bundles (up to `maxPaths`) that reach it at that distance.
    struct Layer {
        var distance: [String: Int] = [:]
        var parents: [String: [HopBundle]] = [:]
        /// Per shared target set: the depth it was expanded at, and how many times.
        var expanded: [Int: (depth: Int, count: Int)] = [:]
    }

    func run() -> [(target: String, state: HopState, paths: [[HopVerdict]])] {
        let open = breadthFirst(allowConditional: false)
        let any = breadthFirst(allowConditional: true)
        var results: [(String, HopState, [[HopVerdict]])] = []
        for target in any.distance.keys.sorted() {
            if open.distance[target] != nil {
                results.append((target, .open, chains(to: target, in: open)))
            } else {
                results.append((target, .conditional, chains(to: target, in: any)))
            }
        }
        return results
    }

    private func breadthFirst(allowConditional: Bool) -> Layer {
        var layer = Layer()
        var frontier: [String] = []
        let index = graph.index
        for bundle in graph.bundles(from: entry) where allowConditional || bundle.state == .open {
            for target in bundle.targets {
                if !skippedStatements.isEmpty, let statement = bundle.verdict(for: target, index: index).trustStatement,
                   skippedStatements.contains(statement) { continue }
                if layer.distance[target] == nil {
                    layer.distance[target] = 1
                    frontier.append(target)
                }
                if layer.distance[target] == 1 { layer.parents[target, default: []].append(bundle) }
            }
        }
        frontier.sort()
        guard entry.chainsOnward else { return layer }
        var depth = 1
        while !frontier.isEmpty {
            depth += 1
            var next: [String] = []
            for node in frontier {
                // Each node's new roles in ARN order, as one hop per role would have found them.
                var found: [String] = []
                for bundle in graph.bundles(from: .roleSession(node)) where allowConditional || bundle.state == .open {
                    if let set = bundle.targetSet {
                        if let seen = layer.expanded[set], seen.depth < depth || seen.count >= maxPaths { continue }
                        layer.expanded[set] = (depth, (layer.expanded[set]?.count ?? 0) + 1)
                    }
                    for target in bundle.targets {
                        if layer.distance[target] == nil {
                            layer.distance[target] = depth
                            found.append(target)
                        }
                        if layer.distance[target] == depth, layer.parents[target, default: []].count < maxPaths {
                            layer.parents[target, default: []].append(bundle)
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
    private func chains(to target: String, in layer: Layer) -> [[HopVerdict]] {
        var result: [[HopVerdict]] = []
        let index = graph.index
        func walk(_ node: String, _ suffix: [HopVerdict]) {
            guard result.count < maxPaths else { return }
            for bundle in layer.parents[node] ?? [] {
                guard result.count < maxPaths else { return }
                let chain = [bundle.verdict(for: node, index: index)] + suffix
                if case .roleSession(let previous) = bundle.actor {
                    walk(previous, chain)
                } else {
                    result.append(chain)
                }
            }
        }
        walk(target, [])
        return result
    }
}
