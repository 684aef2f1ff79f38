import TrustPathAnalysis
import TrustPathEngine
import TrustPathModel
import TrustPathRemediation

// The report's findings and ranked fixes written by hand, members in sorted order as `.sortedKeys` writes them.
// A new stored property must be added here too: SlicedJSONTests compares this text with JSONEncoder's.

extension Finding: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("alternatives", alternatives)
        writer.member("category", category.rawValue)
        writer.member("crownJewel", crownJewel)
        writer.member("entry", entry)
        writer.member("entryRegion", entryRegion)
        writer.member("expiredAcceptance", expiredAcceptance)
        writer.member("fix", fix)
        writer.member("hops", hops)
        writer.member("id", id)
        writer.member("note", note)
        writer.member("path", path)
        writer.member("severity", severity.rawValue)
        writer.member("severityReason", severityReason)
        writer.member("state", state.rawValue)
        writer.member("target", target)
        writer.member("targetAccount", targetAccount)
        writer.member("targetRoleID", targetRoleID)
        writer.closeObject()
    }
}

extension Entry: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("id", id)
        writer.member("kind", kind.rawValue)
        writer.member("name", name)
        writer.closeObject()
    }
}

extension Hop: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("from", from)
        writer.member("guardsMissing", guardsMissing)
        writer.member("guardsPresent", guardsPresent)
        writer.member("identityRequired", identityRequired)
        writer.member("identityStatement", identityStatement)
        writer.member("matchedPrincipal", matchedPrincipal)
        writer.member("restsOn", restsOn)
        writer.member("state", state.rawValue)
        writer.member("statement", statement)
        writer.member("to", to)
        writer.member("weakGuards", weakGuards)
        writer.closeObject()
    }
}

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

extension CrownJewelMark: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("raisedFrom", raisedFrom.rawValue)
        writer.member("rule", rule)
        writer.closeObject()
    }
}

extension ExpiredAcceptance: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("expired", expired)
        writer.member("reason", reason)
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
        writer.key("removes")
        writer.openObject()
        for (severity, count) in removes.sorted(by: { $0.key < $1.key }) { writer.member(severity, count) }
        writer.closeObject()
        writer.member("score", score)
        writer.closeObject()
    }
}
