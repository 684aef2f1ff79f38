import TrustPathAnalysis
import TrustPathEngine
import TrustPathJSON

/// Turns each fix into an exact edit of its input file (the trust policy value replaced), for SARIF `fixes`
/// and editors. Files that cannot be read leave their fixes without an edit.
public enum FixEdits {
    public static func attach(to plan: inout RemediationPlan, index: SnapshotIndex, read: (String) -> [UInt8]?) {
        var cache: [String: [UInt8]] = [:]
        func edit(_ fix: Fix) -> FileEdit? {
            guard let role = index.rolesByARN[fix.role], let path = JSONPath(parsing: role.trustLocation.jsonPath) else { return nil }
            let file = role.trustLocation.file
            guard let bytes = cache[file] ?? read(file) else { return nil }
            cache[file] = bytes
            guard let range = JSONLocator.range(of: path, in: bytes),
                  let original = try? JSONParser.parse(Array(bytes[range])),
                  let patched = try? TrustPolicyPatcher.patch(original, with: [fix]) else { return nil }
            let text: String
            if case .string(let encoded) = patched { text = JSONWriter.quoted(encoded) } else { text = JSONWriter.write(patched) }
            return FileEdit(file: file, byteOffset: range.lowerBound, byteLength: range.count, replacement: text)
        }
        for position in plan.findings.indices {
            if let fix = plan.findings[position].fix { plan.findings[position].fix?.edit = edit(fix) }
        }
        for position in plan.chokePoints.indices { plan.chokePoints[position].edit = edit(plan.chokePoints[position]) }
        for position in plan.rankedFixes.indices { plan.rankedFixes[position].fix.edit = edit(plan.rankedFixes[position].fix) }
    }
}
