import Foundation
import Synchronization
import TrustPathAnalysis
import TrustPathEngine
import TrustPathJSON

/// Turns each fix into an exact edit of its input file (the trust policy value replaced), for SARIF `fixes`
/// and editors. Files that cannot be read leave their fixes without an edit.
public enum FixEdits {
    public static func attach(to plan: inout RemediationPlan, index: SnapshotIndex, read: @Sendable (String) -> [UInt8]?) {
        let fixes = plan.findings.compactMap(\.fix) + plan.chokePoints + plan.rankedFixes.map(\.fix)
        // Each file is read once and every trust policy to edit in it located in one pass; files go in
        // parallel and their bytes are dropped as soon as their edits are made.
        let byFile = Dictionary(grouping: Set(fixes).filter { index.rolesByARN[$0.role] != nil }) {
            index.rolesByARN[$0.role]?.trustLocation.file ?? ""
        }
        let files = byFile.keys.sorted()
        let edits = Mutex<[Fix: FileEdit]>([:])
        @Sendable func editFile(_ position: Int) {
            let file = files[position]
            guard let bytes = read(file), let fileFixes = byFile[file] else { return }
            let located = fileFixes.compactMap { fix -> (Fix, JSONPath)? in
                guard let role = index.rolesByARN[fix.role], let path = JSONPath(parsing: role.trustLocation.jsonPath) else {
                    return nil
                }
                return (fix, path)
            }
            let ranges = JSONLocator.ranges(of: located.map(\.1), in: bytes)
            let made = located.compactMap { fix, path in
                ranges[path].flatMap { edit(fix, file: file, range: $0, bytes: bytes) }.map { (fix, $0) }
            }
            edits.withLock { for (fix, edit) in made { $0[fix] = edit } }
        }
        // Threads only for snapshots of many files.
        if files.count >= 16 {
            DispatchQueue.concurrentPerform(iterations: files.count) { editFile($0) }
        } else {
            files.indices.forEach(editFile)
        }
        let byFix = edits.withLock { $0 }
        for position in plan.findings.indices {
            if let fix = plan.findings[position].fix { plan.findings[position].fix?.edit = byFix[fix] }
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
