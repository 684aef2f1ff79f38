import TrustPathAnalysis
import TrustPathEngine
import TrustPathJSON
import TrustPathModel

/// Finds the line of each finding's entry statement in its input file, for reports that point at text. A policy
/// stored URL-encoded (raw API exports) has no lines of its own: the region is then the encoded string's.
/// `SourcePositions` drives it.
enum StatementLines {
    /// Per file, the JSON paths to locate: each finding's entry statement, and its role's trust policy as a fallback.
    /// Many findings share an entry statement, so each path is located once.
    static func pathsByFile(_ plan: RemediationPlan, index: SnapshotIndex) -> [String: Set<String>] {
        var wanted: [String: Set<String>] = [:]
        for finding in plan.findings {
            guard let statement = finding.hops.first?.statement else { continue }
            wanted[statement.file, default: []].insert(statement.jsonPath)
            if let fallback = index.rolesByARN[statement.owner]?.trustLocation.jsonPath {
                wanted[statement.file, default: []].insert(fallback)
            }
        }
        return wanted
    }

    /// The paths of one file, parsed.
    static func located(_ paths: Set<String>) -> [(String, JSONPath)] {
        paths.compactMap { text in JSONPath(parsing: text).map { (text, $0) } }
    }

    /// The line and column of each path in one file, from where `JSONLocator` found them in its bytes.
    static func regions(_ located: [(String, JSONPath)], ranges: [JSONPath: Range<Int>], bytes: [UInt8]) -> [String: SourceRegion] {
        let offsets = located.compactMap { text, path in ranges[path].map { (text, $0.lowerBound) } }
        let regions = SourceRegion.regions(of: offsets.map(\.1), in: bytes)
        return Dictionary(zip(offsets.map(\.0), regions), uniquingKeysWith: { first, _ in first })
    }

    /// Sets each finding's entry region from the regions found per file.
    static func apply(_ regions: [String: [String: SourceRegion]], to plan: inout RemediationPlan, index: SnapshotIndex) {
        for position in plan.findings.indices {
            guard let statement = plan.findings[position].hops.first?.statement, let inFile = regions[statement.file] else {
                continue
            }
            let fallback = index.rolesByARN[statement.owner]?.trustLocation.jsonPath
            plan.findings[position].entryRegion = inFile[statement.jsonPath] ?? fallback.flatMap { inFile[$0] }
        }
    }
}
