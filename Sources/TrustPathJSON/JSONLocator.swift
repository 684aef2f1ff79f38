/// Finds where a value sits in a document's bytes, so an edit can replace exactly that value.
public enum JSONLocator {
    /// The byte range of the value at `path`, or nil when the document is not valid or the path leads nowhere.
    public static func range(of path: JSONPath, in bytes: [UInt8]) -> Range<Int>? {
        ranges(of: [path], in: bytes)[path]
    }

    /// The byte ranges of several values, found in one pass over the document (a large export holds many
    /// trust policies to fix). A path is missing from the result when it leads nowhere or the document is
    /// invalid before its value ends; when a key repeats, its first occurrence counts. The walk stops once every
    /// path is found: in an export the roles come before the megabytes of managed policy versions.
    public static func ranges(of paths: [JSONPath], in bytes: [UInt8]) -> [JSONPath: Range<Int>] {
        var tree = PathTree()
        for path in paths { tree.insert(path.components[...], path: path) }
        var found: [JSONPath: Range<Int>] = [:]
        let wanted = Set(paths).count
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, depthLimit: JSONParser.defaultDepthLimit)
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { reader.position = 3 }
            _ = walk(tree, reader: &reader, found: &found, wanted: wanted)
        }
        return found
    }

    /// The wanted paths as a tree of components, so one walk descends only where some path leads.
    private struct PathTree {
        var ends: [JSONPath] = []
        var keys: [String: PathTree] = [:]
        var indices: [Int: PathTree] = [:]

        mutating func insert(_ components: ArraySlice<JSONPath.Component>, path: JSONPath) {
            guard let first = components.first else { ends.append(path); return }
            switch first {
            case .key(let key): keys[key, default: PathTree()].insert(components.dropFirst(), path: path)
            case .index(let index): indices[index, default: PathTree()].insert(components.dropFirst(), path: path)
            }
        }

        var isLeaf: Bool { keys.isEmpty && indices.isEmpty }
    }

    /// Reads one value, recording the ranges of the wanted paths inside it; false when the input is invalid.
    /// Once all `wanted` paths are found the reader is left where it is: nothing after them is read.
    private static func walk(_ tree: PathTree, reader: inout Reader, found: inout [JSONPath: Range<Int>],
                             wanted: Int) -> Bool {
        reader.skipWhitespace()
        let start = reader.position
        guard start < reader.bytes.count else { return false }
        let valid: Bool
        if tree.isLeaf {
            valid = (try? reader.skipValue()) != nil
        } else if reader.bytes[start] == UInt8(ascii: "{") {
            valid = !tree.keys.isEmpty
                ? walkObject(tree, reader: &reader, found: &found, wanted: wanted) : (try? reader.skipValue()) != nil
        } else if reader.bytes[start] == UInt8(ascii: "[") {
            valid = !tree.indices.isEmpty
                ? walkArray(tree, reader: &reader, found: &found, wanted: wanted) : (try? reader.skipValue()) != nil
        } else {
            valid = (try? reader.skipValue()) != nil
        }
        guard valid else { return false }
        for path in tree.ends where found[path] == nil { found[path] = start..<reader.position }
        return true
    }

    private static func walkObject(_ tree: PathTree, reader: inout Reader, found: inout [JSONPath: Range<Int>],
                                   wanted: Int) -> Bool {
        var seen: Set<String> = []
        reader.position += 1
        reader.skipWhitespace()
        if reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: "}") {
            reader.position += 1
            return true
        }
        while true {
            reader.skipWhitespace()
            guard reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: "\""),
                  let key = try? reader.string() else { return false }
            reader.skipWhitespace()
            guard reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: ":") else { return false }
            reader.position += 1
            if let child = tree.keys[key], seen.insert(key).inserted {
                guard walk(child, reader: &reader, found: &found, wanted: wanted) else { return false }
                if found.count == wanted { return true }
            } else {
                reader.skipWhitespace()
                guard (try? reader.skipValue()) != nil else { return false }
            }
            guard let more = separator(&reader, closing: UInt8(ascii: "}")) else { return false }
            if !more { return true }
        }
    }

    private static func walkArray(_ tree: PathTree, reader: inout Reader, found: inout [JSONPath: Range<Int>],
                                  wanted: Int) -> Bool {
        reader.position += 1
        reader.skipWhitespace()
        if reader.position < reader.bytes.count, reader.bytes[reader.position] == UInt8(ascii: "]") {
            reader.position += 1
            return true
        }
        var index = 0
        while true {
            if let child = tree.indices[index] {
                guard walk(child, reader: &reader, found: &found, wanted: wanted) else { return false }
                if found.count == wanted { return true }
            } else {
                reader.skipWhitespace()
                guard (try? reader.skipValue()) != nil else { return false }
            }
            guard let more = separator(&reader, closing: UInt8(ascii: "]")) else { return false }
            if !more { return true }
            index += 1
        }
    }

    /// After a member or element: true on a comma, false on the closing bracket, nil on anything else.
    private static func separator(_ reader: inout Reader, closing: UInt8) -> Bool? {
        reader.skipWhitespace()
        guard reader.position < reader.bytes.count else { return nil }
        switch reader.bytes[reader.position] {
        case UInt8(ascii: ","): reader.position += 1; return true
        case closing: reader.position += 1; return false
        default: return nil
        }
    }
}
