import Foundation
import Synchronization
import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel

/// What reports need from the input files beyond the analysis: each fix as a byte-range edit and each
/// finding's entry statement as a line. The one call every front end makes, so none forgets a part.
public enum SourcePositions {
    /// Each input file is read once for both, files in parallel when there are many, and its bytes are dropped
    /// as soon as the file is done: at a thousand accounts the exports are hundreds of megabytes.
    public static func attach(to plan: inout RemediationPlan, index: SnapshotIndex, read: @Sendable (String) -> [UInt8]?) {
        let fixes = FixEdits.fixesByFile(plan, index: index)
        let paths = StatementLines.pathsByFile(plan, index: index)
        let files = Set(fixes.keys).union(paths.keys).sorted()
        let edits = Mutex<[Fix: FileEdit]>([:])
        let regions = Mutex<[String: [String: SourceRegion]]>([:])
        @Sendable func visit(_ position: Int) {
            let file = files[position]
            guard let bytes = read(file) else { return }
            if let fileFixes = fixes[file] {
                let made = FixEdits.edits(fileFixes, file: file, bytes: bytes, index: index)
                edits.withLock { $0.merge(made) { first, _ in first } }
            }
            if let filePaths = paths[file] {
                let found = StatementLines.regions(filePaths, bytes: bytes)
                regions.withLock { $0[file] = found }
            }
        }
        // Threads only for snapshots of many files.
        if files.count >= 16 {
            DispatchQueue.concurrentPerform(iterations: files.count) { visit($0) }
        } else {
            files.indices.forEach(visit)
        }
        FixEdits.apply(edits.withLock { $0 }, to: &plan)
        StatementLines.apply(regions.withLock { $0 }, to: &plan, index: index)
    }
}
