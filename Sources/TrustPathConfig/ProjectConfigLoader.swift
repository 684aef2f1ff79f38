import Foundation
import TrustPathModel

/// Finds and reads the project file: `--config FILE`, else `trustpath.yml` in the snapshot directory, else none.
/// The built-in vendor list is always the base; the file's vendors extend and override it.
public enum ProjectConfigLoader {
    public static let fileName = "trustpath.yml"

    /// The configuration for a run. An explicit file must exist; the snapshot's own file is optional.
    public static func load(explicit path: String?, snapshotDirectory: String) throws(ConfigError) -> ProjectConfig {
        let candidate = path ?? URL(fileURLWithPath: snapshotDirectory).appendingPathComponent(fileName).path
        guard FileManager.default.fileExists(atPath: candidate) else {
            if let path { throw ConfigError(file: path, keyPath: "$", expected: "a readable YAML file", found: "no such file") }
            return ProjectConfig(vendors: KnownVendors.all)
        }
        guard let data = FileManager.default.contents(atPath: candidate) else {
            throw ConfigError(file: candidate, keyPath: "$", expected: "a readable YAML file", found: "a file that cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: candidate, keyPath: "$", expected: "UTF-8 text", found: "bytes that are not UTF-8")
        }
        return try parse(text, file: path ?? fileName)
    }

    /// Parses the text of a project file; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> ProjectConfig {
        var config = try ConfigDocument(text: text, file: file).decode()
        config.vendors = KnownVendors.all.merging(config.vendors) { _, mine in mine }
        config.source = file
        return config
    }
}
