/// A project file that cannot be used: names the file, the line when known, the key path, what was expected and
/// what was found. The run stops, because analyzing with half a configuration would report the wrong risks.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// Where in the file: `accepted-risks[0].expires`; `$` for the whole document.
    public var keyPath: String
    public var expected: String
    public var found: String?

    public init(file: String, line: Int? = nil, keyPath: String, expected: String, found: String? = nil) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(keyPath): expected \(expected)" + (found.map { ", found \($0)" } ?? "")
    }
}
