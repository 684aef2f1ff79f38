/// Where a fact came from: the input file (relative to the snapshot directory) and the JSON path inside it.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    public var jsonPath: String

    public init(file: String, jsonPath: String = "$") {
        self.file = file
        self.jsonPath = jsonPath
    }

    public var description: String { "\(file) at \(jsonPath)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.jsonPath) < (rhs.file, rhs.jsonPath)
    }
}
