// SARIF results written by hand, members in sorted order as `.sortedKeys` writes them (the CodingKeys'
// names where they differ). A new stored property must be added here too: SARIFWriterTests compares this text
// with JSONEncoder's.

extension SARIF.Result: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        if let fixes { writer.member("fixes", fixes) }
        writer.member("level", level)
        writer.member("locations", locations)
        writer.member("message", message)
        writer.key("partialFingerprints")
        writer.openObject()
        for (key, value) in partialFingerprints.sorted(by: { $0.key < $1.key }) { writer.member(key, value) }
        writer.closeObject()
        writer.member("properties", properties)
        writer.member("ruleId", ruleId)
        writer.member("ruleIndex", ruleIndex)
        writer.closeObject()
    }
}

extension SARIF.ResultProperties: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("entry", entry)
        writer.member("path", path)
        writer.member("security-severity", securitySeverity)
        writer.member("severity", severity)
        writer.member("state", state)
        writer.member("target", target)
        writer.closeObject()
    }
}

extension SARIF.Message: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("text", text)
        writer.closeObject()
    }
}

extension SARIF.Location: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("logicalLocations", logicalLocations)
        writer.member("physicalLocation", physicalLocation)
        writer.closeObject()
    }
}

extension SARIF.PhysicalLocation: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("artifactLocation", artifactLocation)
        writer.member("region", region)
        writer.closeObject()
    }
}

extension SARIF.ArtifactLocation: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("uri", uri)
        writer.member("uriBaseId", uriBaseId)
        writer.closeObject()
    }
}

extension SARIF.TextRegion: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("startColumn", startColumn)
        writer.member("startLine", startLine)
        writer.closeObject()
    }
}

extension SARIF.LogicalLocation: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("fullyQualifiedName", fullyQualifiedName)
        writer.member("kind", kind)
        writer.closeObject()
    }
}

extension SARIF.Fix: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("artifactChanges", artifactChanges)
        writer.member("description", description)
        writer.closeObject()
    }
}

extension SARIF.ArtifactChange: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("artifactLocation", artifactLocation)
        writer.member("replacements", replacements)
        writer.closeObject()
    }
}

extension SARIF.Replacement: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("deletedRegion", deletedRegion)
        writer.member("insertedContent", insertedContent)
        writer.closeObject()
    }
}

extension SARIF.Region: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("byteLength", byteLength)
        writer.member("byteOffset", byteOffset)
        writer.closeObject()
    }
}
