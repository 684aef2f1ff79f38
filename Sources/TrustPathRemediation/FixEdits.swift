import TrustPathAnalysis
import TrustPathEngine
import TrustPathJSON

/// Turns each fix into an exact edit of its input file (the trust policy value replaced), for SARIF `fixes`
/// and editors. Files that cannot be read leave their fixes without an edit. `SourcePositions` drives it.
enum FixEdits {
    /// The plan's fixes grouped by the file that holds their role's trust policy.
    static func fixesByFile(_ plan: RemediationPlan, index: SnapshotIndex) -> [String: [Fix]] {
        var distinct = DistinctFixes()
        for fix in Array(plan.doorFixes.values) + plan.chokePoints + plan.rankedFixes.map(\.fix) {
            _ = distinct.insert(fix)
        }
        return Dictionary(grouping: distinct.fixes.filter { index.rolesByARN[$0.role] != nil }) {
            index.rolesByARN[$0.role]?.trustLocation.file ?? ""
        }
    }

    /// Each fix with the JSON path of its role's trust policy.
    static func located(_ fixes: [Fix], index: SnapshotIndex) -> [(Fix, JSONPath)] {
        fixes.compactMap { fix in
            guard let role = index.rolesByARN[fix.role], let path = JSONPath(parsing: role.trustLocation.jsonPath) else {
                return nil
            }
            return (fix, path)
        }
    }

    /// The edits of one file's fixes, from where `JSONLocator` found their trust policies in its bytes.
    static func edits(_ located: [(Fix, JSONPath)], ranges: [JSONPath: Range<Int>], file: String,
                      bytes: [UInt8]) -> [Fix: FileEdit] {
        var edits: [Fix: FileEdit] = [:]
        for (fix, path) in located {
            if let range = ranges[path], let made = edit(fix, file: file, range: range, bytes: bytes) { edits[fix] = made }
        }
        return edits
    }

    /// Puts each fix's edit on every copy of the fix in the plan.
    static func apply(_ byFix: [Fix: FileEdit], to plan: inout RemediationPlan) {
        plan.doorFixes = plan.doorFixes.mapValues { fix in
            var located = fix
            located.edit = byFix[fix]
            return located
        }
        for position in plan.chokePoints.indices { plan.chokePoints[position].edit = byFix[plan.chokePoints[position]] }
        for position in plan.rankedFixes.indices { plan.rankedFixes[position].fix.edit = byFix[plan.rankedFixes[position].fix] }
    }

    private static func edit(_ fix: Fix, file: String, range: Range<Int>, bytes: [UInt8]) -> FileEdit? {
        guard let original = try? JSONParser.parse(Array(bytes[range])),
              let patched = try? TrustPolicyPatcher.patch(original, with: [fix]) else { return nil }
        let text: String
        if case .string(let encoded) = patched { text = JSONWriter.quoted(encoded) } else { text = JSONWriter.write(patched) }
        return FileEdit(file: file, byteOffset: range.lowerBound, byteLength: range.count, replacement: text)
    }
}

/// Fixes without repeats (a door's fix is often also a ranked fix or a choke point), told apart by id first: the
/// copies a plan holds compare equal at once, without hashing a whole `Fix` (its summary, its edit).
struct DistinctFixes {
    private(set) var fixes: [Fix] = []
    private var positionsByID: [String: [Int]] = [:]

    /// The fix's position among the distinct ones, and whether it is new.
    mutating func insert(_ fix: Fix) -> (position: Int, inserted: Bool) {
        if let known = positionsByID[fix.id]?.first(where: { fixes[$0] == fix }) { return (known, false) }
        positionsByID[fix.id, default: []].append(fixes.count)
        fixes.append(fix)
        return (fixes.count - 1, true)
    }
}
