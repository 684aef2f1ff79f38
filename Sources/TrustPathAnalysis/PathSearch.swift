import TrustPathEngine
import TrustPathModel

/// Breadth-first search from one entry: shortest chains to every reachable role, preferring chains whose
/// hops are all open over shorter ones that rest on conditions.
struct PathSearch {
    let graph: AttackGraph
    let entry: Actor
    let maxPaths: Int
    /// First hops through these statements are not this entry's own (an outside account passing a public trust).
    var skippedStatements: Set<StatementReference> = []

    /// For each reached role: its distance and the hops that reach it at that distance.
    struct Layer {
        var distance: [String: Int] = [:]
        var parents: [String: [HopVerdict]] = [:]
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
        let chainsOnward = entry.chainsOnward
        for hop in graph.edges(from: entry) where allowConditional || hop.state == .open {
            if let statement = hop.trustStatement, skippedStatements.contains(statement) { continue }
            if layer.distance[hop.target] == nil {
                layer.distance[hop.target] = 1
                if chainsOnward { frontier.append(hop.target) }
            }
            if layer.distance[hop.target] == 1 { layer.parents[hop.target, default: []].append(hop) }
        }
        var depth = 1
        while !frontier.isEmpty {
            depth += 1
            var next: [String] = []
            for node in frontier {
                for hop in graph.edges(from: .roleSession(node)) where allowConditional || hop.state == .open {
                    if layer.distance[hop.target] == nil {
                        layer.distance[hop.target] = depth
                        next.append(hop.target)
                    }
                    if layer.distance[hop.target] == depth { layer.parents[hop.target, default: []].append(hop) }
                }
            }
            frontier = next
        }
        return layer
    }

    /// Up to `maxPaths` shortest chains, the first following the first parent at every step.
    private func chains(to target: String, in layer: Layer) -> [[HopVerdict]] {
        var result: [[HopVerdict]] = []
        func walk(_ node: String, _ suffix: [HopVerdict]) {
            guard result.count < maxPaths else { return }
            for hop in layer.parents[node] ?? [] {
                guard result.count < maxPaths else { return }
                let chain = [hop] + suffix
                if case .roleSession(let previous) = hop.actor {
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
