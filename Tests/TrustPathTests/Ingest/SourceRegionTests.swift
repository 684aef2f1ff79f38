import Testing
import TrustPathModel

/// Many offsets are located in one pass that counts newlines eight bytes at a time: each region must be the one a
/// byte-by-byte count gives (`SourceRegion(byteOffset:in:)`), at every alignment, with offsets repeated, unsorted
/// and past the end.
@Suite("Ingest: source regions")
struct SourceRegionTests {
    @Test(arguments: Array(UInt64(1)...30))
    func regionsAreThoseOfAByteByByteCount(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x20, 0x7B, 0x22, 0x61, 0x0D, 0x8A, 0x0B, 0xC3, 0x09]
        let bytes = (0..<Int.random(in: 0...300, using: &random)).map { _ in
            Int.random(in: 0..<4, using: &random) == 0 ? alphabet.randomElement(using: &random) ?? 0 : UInt8(ascii: "x")
        }
        let offsets = (0..<Int.random(in: 0...40, using: &random)).map { _ in Int.random(in: 0...(bytes.count + 10), using: &random) }
        let expected = offsets.map { SourceRegion(byteOffset: $0, in: bytes) }
        #expect(SourceRegion.regions(of: offsets, in: bytes) == expected)
        // Every offset of the buffer, one by one and all at once.
        let every = Array(0...bytes.count)
        #expect(SourceRegion.regions(of: every, in: bytes) == every.map { SourceRegion(byteOffset: $0, in: bytes) })
    }
}
