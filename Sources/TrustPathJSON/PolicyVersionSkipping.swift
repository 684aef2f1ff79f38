/// A policy version whose documents were checked but not built, until it is known whether it is the default.
struct PendingVersion {
    /// Its index in the version list.
    var element = -1
    /// Members of the version holding a skipped `Document` placeholder, and where their values are.
    var documents: [(member: Int, range: Range<Int>)]
    var versionID: String?
    /// The nesting depth the documents were read at, for reading them again.
    var depth: Int
}

extension Reader {
    /// At the end of a version element: a version marked default gets its documents now; any other waits for
    /// its policy's `DefaultVersionId`.
    mutating func settleVersion(_ members: inout [(key: String, value: JSONValue)],
                                deferred: [(member: Int, range: Range<Int>)]) throws(RawFailure) {
        let version = JSONObject(members)
        if version["IsDefaultVersion"] == .bool(true) {
            for (member, range) in deferred { members[member].value = try reread(range, depth: depth) }
        } else {
            pendingVersions.append(PendingVersion(documents: deferred, versionID: version["VersionId"]?.scalarText, depth: depth))
        }
    }

    /// At the end of an object holding version lists: versions named by its `DefaultVersionId` get their
    /// documents; the others lose the placeholder, as if the export had left the document out.
    mutating func settleVersionLists(_ members: inout [(key: String, value: JSONValue)],
                                     _ lists: [(member: Int, pending: [PendingVersion])]) throws(RawFailure) {
        var defaultVersion: String?
        if case .string(let text)? = JSONObject(members)["DefaultVersionId"] { defaultVersion = text }
        for (member, pending) in lists {
            guard case .array(var elements) = members[member].value else { continue }
            members[member].value = .null
            for version in pending {
                guard elements.indices.contains(version.element), case .object(var object) = elements[version.element] else {
                    continue
                }
                if let defaultVersion, version.versionID == defaultVersion {
                    for (index, range) in version.documents {
                        object.members[index].value = try reread(range, depth: version.depth)
                    }
                } else {
                    let dropped = Set(version.documents.map(\.member))
                    object.members = object.members.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
                }
                elements[version.element] = .object(object)
            }
            members[member].value = .array(elements)
        }
    }

    /// Reads a value already checked by `skipValue`, then returns to where reading was.
    private mutating func reread(_ range: Range<Int>, depth valueDepth: Int) throws(RawFailure) -> JSONValue {
        let saved = (position, depth)
        position = range.lowerBound
        depth = valueDepth
        defer { (position, depth) = saved }
        return try value()
    }
}
