import Crypto
import Foundation
import TrustPathReport

/// The identity of a snapshot's input: what makes "the same snapshot saved twice" detectable.
///
/// `sha256:` over the sorted SHA-256 digests of the files the loader read (the report's file list). Names and
/// order do not count, since files are classified by content: renaming or moving a file inside the
/// directory leaves the hash alone, changing one byte of one file does not.
public enum ContentHash {
    public static func of(report: Report, directory: String) throws(HistoryError) -> String {
        let base = URL(fileURLWithPath: directory)
        var digests: [String] = []
        for file in report.snapshot.files {
            let path = base.appendingPathComponent(file.path).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadableInput(path: path, reason: "it cannot be read to compute the snapshot's content hash")
            }
            digests.append(hex(SHA256.hash(data: data)))
        }
        return of(fileDigests: digests)
    }

    /// The hash from per-file SHA-256 hex digests, in any order.
    public static func of(fileDigests: [String]) -> String {
        "sha256:" + hex(SHA256.hash(data: Array(fileDigests.sorted().joined(separator: "\n").utf8)))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}
