import Foundation
import TrustPathAnalysis
import TrustPathEngine
import TrustPathEscaping

/// Resolves `explain`'s --from and --to, or says which names come closest (exit 2).
enum ExplainLookup {
    /// The role ARN for an ARN or a unique role name.
    static func role(_ text: String, index: SnapshotIndex) throws -> String {
        if let found = roleIfKnown(text, index: index) { return found }
        let candidates = index.rolesByARN.keys.sorted()
        throw unknown("role", text, closest: closest(to: text, in: candidates))
    }

    /// The actor for an entry id, a vendor name, or a role.
    static func actor(_ text: String, entries: [Entry], index: SnapshotIndex) throws -> Actor {
        if let entry = entries.first(where: { $0.id == text || $0.name?.lowercased() == text.lowercased() }) { return entry.actor }
        if index.rolesByARN[text] != nil { return .roleSession(text) }
        if let arn = roleIfKnown(text, index: index) { return .roleSession(arn) }
        let names = entries.map(\.id) + entries.compactMap(\.name)
        throw unknown("entry or role", text, closest: closest(to: text, in: names + index.rolesByARN.keys.sorted()))
    }

    private static func roleIfKnown(_ text: String, index: SnapshotIndex) -> String? {
        if index.rolesByARN[text] != nil { return text }
        let byName = index.rolesByARN.values.filter { $0.name == text }
        return byName.count == 1 ? byName.first?.arn : nil
    }

    private static func unknown(_ what: String, _ text: String, closest: [String]) -> Error {
        let hint = closest.isEmpty ? "" : "; closest: " + closest.map(Escape.terminal).joined(separator: ", ")
        FileHandle.standardError.write(Data("error: no \(what) '\(Escape.terminal(text))' in this snapshot\(hint)\n".utf8))
        return TrustPathExit.usage
    }

    /// The three names with the smallest edit distance to `text` (case-insensitive), ties by name.
    static func closest(to text: String, in names: [String], count: Int = 3) -> [String] {
        let wanted = Array(text.lowercased().utf8)
        return names.map { ($0, distance(wanted, Array($0.lowercased().utf8))) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(count).map(\.0)
    }

    private static func distance(_ left: [UInt8], _ right: [UInt8]) -> Int {
        guard !left.isEmpty else { return right.count }
        var previous = Array(0...right.count)
        for (i, a) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, b) in right.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a == b ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
