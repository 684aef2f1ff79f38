import TrustPathAnalysis
import TrustPathEngine
import TrustPathJSON
import TrustPathModel

/// Finds the line of each door's statement in its input file, for reports that point at text (SARIF). A policy
/// stored URL-encoded (raw API exports) has no lines of its own: the region is then the encoded string's.
/// `SourcePositions` drives it.
enum StatementLines {
    /// Per file, the JSON paths to locate: each door's statement, and its role's trust policy as a fallback.
    static func pathsByFile(_ plan: RemediationPlan, index: SnapshotIndex) -> [String: Set<String>] {
        var wanted: [String: Set<String>] = [:]
        for statement in plan.doorStatements {
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
}
