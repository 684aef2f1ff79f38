import TrustPathAnalysis
import TrustPathEngine
import TrustPathJSON
import TrustPathModel

/// Finds the line of each finding's entry statement in its input file, for reports that point at text. A policy
/// stored URL-encoded (raw API exports) has no lines of its own: the region is then the encoded string's.
public enum StatementLines {
    public static func attach(to plan: inout RemediationPlan, index: SnapshotIndex, read: (String) -> [UInt8]?) {
        var cache: [String: [UInt8]?] = [:]
        for position in plan.findings.indices {
            guard let statement = plan.findings[position].hops.first?.statement else { continue }
            let bytes = cache[statement.file] ?? read(statement.file)
            cache[statement.file] = bytes
            guard let bytes else { continue }
            let fallback = index.rolesByARN[statement.owner]?.trustLocation.jsonPath
            let range = [statement.jsonPath, fallback].compactMap { $0.flatMap(JSONPath.init(parsing:)) }
                .lazy.compactMap { JSONLocator.range(of: $0, in: bytes) }.first
            if let range { plan.findings[position].entryRegion = SourceRegion(byteOffset: range.lowerBound, in: bytes) }
        }
    }
}
