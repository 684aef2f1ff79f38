import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel
import TrustPathReport

/// Draws doors into a `DetailedGraph`: each door's entries at the left, an arrow through the door's statement into
/// its role, then the shortest paths to the worst targets behind it. Shared by the overview and the per-door diagrams.
struct DoorGraph {
    var graph: DetailedGraph
    let context: DoorContext
    /// Worst targets drawn per door, each with its path.
    let paths: Int
    /// Name the outside accounts that pass where the public does (a door's own diagram), not only count them.
    var listsAlsoPassing = false
    private var doorLines: [String: [String]] = [:]

    init(directory: AccountDirectory, context: DoorContext, paths: Int, showStatements: Bool) {
        graph = DetailedGraph(directory: directory, showStatements: showStatements)
        self.context = context
        self.paths = paths
    }

    mutating func add(_ door: ReportDoor) {
        graph.add(role: door.role)
        for entry in door.entries {
            let hop = context.entryHop(entry, door: door)
            let from = Entry(kind: entry.kind, id: entry.id, name: entry.name)
            // An outside entry's trust of its own account's root is how it is named, not a wide trust inside.
            graph.addHop(from: from, role: entry.id, to: door.role, hop: hop, fallbackState: entry.state)
            if !entry.alsoPassing.isEmpty {
                let count = entry.alsoPassing.count
                var lines = ["and \(count) outside account\(count == 1 ? "" : "s") it names"]
                if listsAlsoPassing {
                    let shown = entry.alsoPassing.prefix(4).map { context.names.account($0) }
                    lines += DOTText.wrap(shown.joined(separator: ", ") + (count > 4 ? ", …" : ""), width: 40)
                }
                graph.describeEntry(from, details: lines)
            }
        }
        for target in door.top.prefix(paths) {
            let roles = Array(target.path.dropFirst())
            for (from, to) in zip(roles, roles.dropFirst()) {
                let hop = context.roleHop(from: from, to: to)
                graph.addHop(from: nil, role: from, to: to, hop: hop, fallbackState: target.state,
                             extra: hop.flatMap(context.trustScope).map { [$0] } ?? [],
                             chokePoint: context.isChokePoint(hop))
            }
        }
        let statement = "door: statement \(door.statement)" + (door.sid.map { " (\($0))" } ?? "")
        doorLines[door.role, default: []] += DOTText.wrap(statement + " · \(Self.behind(door))", width: 40)
    }

    /// Colors every drawn role by its severity and says what each door and choke point is.
    mutating func describeRoles(emphasized: String? = nil, reasons: [String: String] = [:]) {
        for arn in graph.roleARNs.sorted() {
            var details: [String] = []
            let severity = context.severities[arn]
            if let severity {
                details.append(severity.rawValue.uppercased())
                if let reason = reasons[arn] { details += DOTText.wrap(reason, width: 36) }
            } else {
                details.append("passed through")
            }
            details += doorLines[arn] ?? []
            let choke = context.chokeStatements(of: arn)
            if !choke.isEmpty {
                details.append("CHOKE POINT: statement " + choke.map(String.init).joined(separator: ", "))
                graph.markChokePoint(arn)
            }
            graph.describeRole(arn, severity: severity, details: details, emphasized: arn == emphasized)
        }
    }

    /// `5 roles behind (2 critical, 1 high)`.
    static func behind(_ door: ReportDoor) -> String {
        let total = door.behind.values.reduce(0, +)
        let counts = Severity.allCases.compactMap { severity in
            door.behind[severity.rawValue].flatMap { $0 > 0 ? "\($0) \(severity.rawValue)" : nil }
        }
        return "\(total) role\(total == 1 ? "" : "s") behind" + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")")
    }
}
