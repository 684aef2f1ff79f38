/// Finds where a value sits in a document's bytes, so an edit can replace exactly that value.
public enum JSONLocator {
    /// The byte range of the value at `path`, or nil when the document is not valid or the path leads nowhere.
    public static func range(of path: JSONPath, in bytes: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, depthLimit: JSONParser.defaultDepthLimit)
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { reader.position = 3 }
            return locate(path.components[...], reader: &reader)
        }
    }

    private static func locate(_ components: ArraySlice<JSONPath.Component>, reader: inout Reader) -> Range<Int>? {
        reader.skipWhitespace()
        let start = reader.position
        guard let first = components.first else {
            guard (try? reader.value()) != nil else { return nil }
            return start..<reader.position
        }
        guard start < reader.bytes.count else { return nil }
        switch first {
        case .key(let wanted):
            guard reader.bytes[start] == UInt8(ascii: "{") else { return nil }
            reader.position += 1
            while true {
                reader.skipWhitespace()
                guard reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: "\""),
                      let key = try? reader.string() else { return nil }
                reader.skipWhitespace()
                guard reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: ":") else { return nil }
                reader.position += 1
                if key == wanted { return locate(components.dropFirst(), reader: &reader) }
                guard skipValueAndSeparator(&reader, closing: UInt8(ascii: "}")) else { return nil }
            }
        case .index(let wanted):
            guard reader.bytes[start] == UInt8(ascii: "[") else { return nil }
            reader.position += 1
            var index = 0
            while true {
                if index == wanted { return locate(components.dropFirst(), reader: &reader) }
                guard skipValueAndSeparator(&reader, closing: UInt8(ascii: "]")) else { return nil }
                index += 1
            }
        }
    }

    /// Skips a value and the comma after it; false at the container's end or on bad input.
    private static func skipValueAndSeparator(_ reader: inout Reader, closing: UInt8) -> Bool {
        reader.skipWhitespace()
        guard (try? reader.value()) != nil else { return false }
        reader.skipWhitespace()
        guard reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: ",") else { return false }
        reader.position += 1
        return true
    }
}
