import Foundation

extension String {
    /// Whether `needle` occurs in the text, as Foundation's `contains` answers. When both are ASCII (as an export's
    /// values nearly all are) the bytes are searched, which finds what a search by characters finds; other text goes
    /// to Foundation. Every trust value of an export is searched for placeholders and every condition value for
    /// resource variables, and Foundation's search read each through UTF-16 first.
    public func containsText(_ needle: String) -> Bool {
        let bytes: Bool?? = needle.utf8.withContiguousStorageIfAvailable { needle in
            utf8.withContiguousStorageIfAvailable { text in Self.asciiSearch(needle, in: text) } ?? nil
        }
        if let answer = bytes ?? nil { return answer }
        return range(of: needle) != nil
    }

    /// Whether `needle` occurs in `text`, byte for byte; nil unless both are ASCII and the needle is not empty.
    private static func asciiSearch(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !needle.isEmpty, needle.allSatisfy({ $0 < 0x80 }), text.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard needle.count <= text.count else { return false }
        let first = needle[0]
        for start in 0...(text.count - needle.count) where text[start] == first {
            var matched = 1
            while matched < needle.count, text[start + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return true }
        }
        return false
    }
}
