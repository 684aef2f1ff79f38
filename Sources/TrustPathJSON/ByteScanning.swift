/// Scans eight bytes at a time for the bytes that end a run of indentation or of plain string text: exports are
/// indented by dozens of spaces per line and most of their bytes are short strings in policy versions that are
/// checked and skipped, one byte at a time before.
enum ByteScanning {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A word whose bytes have their high bit set where `word`'s byte is zero. Exact for the lowest such byte (a borrow
    /// only marks bytes above a zero byte), which is the only one the callers read.
    private static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// Where the first byte from `position` on that is not a space lies, looking only at whole words inside `bytes`:
    /// the position of the first word holding another byte (or the first position too close to the end for a whole
    /// word), for the caller's byte loop to finish.
    static func pastSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
        guard let base = bytes.baseAddress else { return position }
        var position = position
        while position + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            guard word == 0x2020_2020_2020_2020 else { return position }
            position += 8
        }
        return position
    }

    /// Where the first byte from `position` on lies that a string reader must look at (`"`, `\`, a control byte or a
    /// byte of a multi-byte character), looking only at whole words inside `bytes`; a position where fewer than eight
    /// bytes are left when none is found before.
    static func pastPlainText(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
        guard let base = bytes.baseAddress else { return position }
        var position = position
        while position + 8 <= bytes.count {
            // Byte `i` of memory is bits 8i..<8i+8 of the word on any platform, so the lowest flag is the first byte.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            // Quote, backslash, below 0x20 (a byte less 0x20 that borrows), or 0x80 and up.
            let special = zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
                | ((word &- ones &* 0x20) & ~word & highs) | (word & highs)
            if special != 0 { return position + special.trailingZeroBitCount / 8 }
            position += 8
        }
        return position
    }
}
