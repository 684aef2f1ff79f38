import Foundation
import TrustPathCheck

/// The check fixtures, read as `trustpath check` reads them.
enum CheckFixtures {
    static let directory = Paths.packageRoot.appendingPathComponent("Tests/TrustPathTests/Fixtures/check")
    static let prod = "520388146927"

    static func path(_ name: String) -> String { "Tests/TrustPathTests/Fixtures/check/\(name)" }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func read(_ name: String, account: String = CheckEvaluation.placeholderAccount) throws -> CheckedFile {
        try CheckInputReader.read(try bytes(name), file: path(name), account: account)
    }

    /// The error a text gives, or nil when it reads.
    static func error(_ text: String, file: String = "bad.yaml") -> CheckError? {
        do {
            _ = try CheckInputReader.read(Array(text.utf8), file: file, account: prod)
            return nil
        } catch {
            return error
        }
    }
}
