import Testing
import TrustPathModel
import TrustPathSynthetic
@testable import TrustPathEvidence

/// Generated months hold every caller kind the index names; damaged logs never crash the reader.
@Suite("CloudTrail generated and hostile logs")
struct CloudTrailHostileTests {
    static let month = CloudTrailMonth(organization: OrganizationShape(accounts: 3), days: 1, filesPerDay: 1, recordsPerFile: 400)

    static func read(_ bytes: [UInt8]) -> (CloudTrailIndex, [Diagnostic]) {
        var index = CloudTrailIndex()
        var diagnostics: [Diagnostic] = []
        CloudTrailLoader().read(bytes: bytes, named: "f.json.gz", into: &index, diagnostics: &diagnostics)
        return (index, diagnostics)
    }

    @Test func aGeneratedFileHoldsEveryCallerKindAndDeniedCalls() {
        let (index, diagnostics) = Self.read(Self.month.file(account: 2, day: 1, serial: 0).bytes)
        #expect(diagnostics.isEmpty)
        #expect(Set(index.assumptions.map(\.caller.kind)) == [.account, .roleSession, .webIdentity, .saml, .service])
        #expect(index.statistics.failedCalls > 0)
        #expect(index.assumptions.contains { $0.caller.id == "token.actions.githubusercontent.com" })
    }

    /// Every byte flipped in turn at a spread of positions, in the gzip stream and in the JSON text: the reader
    /// either reads the file or says why, and never stops.
    @Test func damagedBytesAreReadOrDiagnosedNeverACrash() throws {
        let gzipped = Self.month.file(account: 1, day: 1, serial: 0).bytes
        let text = try Gunzip.inflate(gzipped)
        var random = SplitMix64(seed: 18)
        for source in [gzipped, text] {
            for _ in 0..<60 {
                var damaged = source
                let position = Int(random.next() % UInt64(damaged.count))
                damaged[position] = UInt8(truncatingIfNeeded: random.next())
                let (index, diagnostics) = Self.read(damaged)
                #expect(index.statistics.files == 1)
                #expect(index.count > 0 || !diagnostics.isEmpty)
            }
            for cut in stride(from: 0, to: source.count, by: max(1, source.count / 25)) {
                let (index, diagnostics) = Self.read(Array(source[0..<cut]))
                #expect(index.count == 0 || cut == source.count)
                #expect(!diagnostics.isEmpty)
            }
        }
    }
}
