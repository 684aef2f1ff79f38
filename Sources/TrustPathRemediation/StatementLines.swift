import Foundation
import Synchronization
import TrustPathAnalysis
import TrustPathEngine
import TrustPathJSON
import TrustPathModel

/// Finds the line of each finding's entry statement in its input file, for reports that point at text. A policy
/// stored URL-encoded (raw API exports) has no lines of its own: the region is then the encoded string's.
public enum StatementLines {
    public static func attach(to plan: inout RemediationPlan, index: SnapshotIndex, read: @Sendable (String) -> [UInt8]?) {
        // Many findings share an entry statement: each (file, path) is located once, each file read once and
        // searched in one pass, files in parallel, bytes dropped as soon as the file is done.
        var wanted: [String: Set<String>] = [:]
        for finding in plan.findings {
            guard let statement = finding.hops.first?.statement else { continue }
            wanted[statement.file, default: []].insert(statement.jsonPath)
            if let fallback = index.rolesByARN[statement.owner]?.trustLocation.jsonPath {
                wanted[statement.file, default: []].insert(fallback)
            }
        }
        let paths = wanted
        let files = paths.keys.sorted()
        let found = Mutex<[String: [String: SourceRegion]]>([:])
        @Sendable func locate(_ position: Int) {
            let file = files[position]
            guard let bytes = read(file) else { return }
            let located = (paths[file] ?? []).compactMap { text in JSONPath(parsing: text).map { (text, $0) } }
            let ranges = JSONLocator.ranges(of: located.map(\.1), in: bytes)
            let offsets = located.compactMap { text, path in ranges[path].map { (text, $0.lowerBound) } }
            let regions = SourceRegion.regions(of: offsets.map(\.1), in: bytes)
            let byPath = Dictionary(zip(offsets.map(\.0), regions), uniquingKeysWith: { first, _ in first })
            found.withLock { $0[file] = byPath }
        }
        if files.count >= 16 {
            DispatchQueue.concurrentPerform(iterations: files.count) { locate($0) }
        } else {
            files.indices.forEach(locate)
        }
        let regions = found.withLock { $0 }
        for position in plan.findings.indices {
            guard let statement = plan.findings[position].hops.first?.statement, let inFile = regions[statement.file] else {
                continue
            }
            let fallback = index.rolesByARN[statement.owner]?.trustLocation.jsonPath
            plan.findings[position].entryRegion = inFile[statement.jsonPath] ?? fallback.flatMap { inFile[$0] }
        }
    }
}
