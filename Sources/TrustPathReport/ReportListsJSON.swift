import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel
import TrustPathRemediation

// The report's ranked fixes written by hand, members in sorted order as `.sortedKeys` writes them.
// A new stored property must be added here too: SlicedJSONTests compares this text with JSONEncoder's.

extension StatementReference: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("file", file)
        writer.member("index", index)
        writer.member("jsonPath", jsonPath)
        writer.member("owner", owner)
        writer.member("sid", sid)
        writer.closeObject()
    }
}

extension SourceRegion: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("startColumn", startColumn)
        writer.member("startLine", startLine)
        writer.closeObject()
    }
}

extension Fix: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("addConditions", addConditions)
        writer.member("edit", edit)
        writer.member("id", id)
        writer.member("kinds", kinds.map(\.rawValue))
        writer.member("placeholders", placeholders)
        writer.member("removeConditionKeys", removeConditionKeys)
        writer.member("replacePrincipals", replacePrincipals)
        writer.member("role", role)
        writer.member("roleName", roleName)
        writer.member("splitPrincipals", splitPrincipals)
        writer.member("statement", statement)
        writer.member("summary", summary)
        writer.closeObject()
    }
}

extension ConditionAddition: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("key", key)
        writer.member("op", op)
        writer.member("values", values)
        writer.closeObject()
    }
}

extension PrincipalReplacement: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("from", from)
        writer.member("to", to)
        writer.closeObject()
    }
}

extension FileEdit: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("byteLength", byteLength)
        writer.member("byteOffset", byteOffset)
        writer.member("file", file)
        writer.member("replacement", replacement)
        writer.closeObject()
    }
}

extension RankedFix: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("fix", fix)
        writer.member("removedFindings", removedFindings)
        writer.member("removes", removes)
        writer.member("score", score)
        writer.closeObject()
    }
}
