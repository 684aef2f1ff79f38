import TrustPathAnalysis
import TrustPathEngine
import TrustPathEvidence

// The report's doors written by hand, members in sorted order as `.sortedKeys` writes them, optionals left out when
// nil as the synthesized `Encodable` leaves them. At a thousand accounts the doors are 19 MB of the JSON report and
// the generic encoder took a second over them on one core.
// A new stored property must be added here too: SlicedJSONTests compares this text with JSONEncoder's.

extension ReportDoor: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("account", account)
        writer.member("behind", behind)
        writer.member("category", category.rawValue)
        writer.member("diagram", diagram)
        writer.member("entries", entries)
        writer.member("expiredAcceptance", expiredAcceptance)
        writer.member("file", file)
        writer.member("fix", fix)
        writer.member("id", id)
        writer.member("lastUsed", lastUsed)
        writer.member("mayDelete", mayDelete)
        writer.member("observed", observed)
        writer.member("observedEntry", observedEntry)
        writer.member("permissionSet", permissionSet)
        writer.member("region", region)
        writer.member("role", role)
        writer.member("session", session)
        writer.member("severity", severity.rawValue)
        writer.member("severityReason", severityReason)
        writer.member("sid", sid)
        writer.member("state", state.rawValue)
        writer.member("statement", statement)
        writer.member("top", top)
        writer.closeObject()
    }
}

extension DoorEntry: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("alsoPassing", alsoPassing)
        writer.member("id", id)
        writer.member("kind", kind.rawValue)
        writer.member("lacks", lacks)
        writer.member("name", name)
        writer.member("note", note)
        writer.member("restsOn", restsOn)
        writer.member("state", state.rawValue)
        writer.closeObject()
    }
}

extension DoorTarget: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("crownJewel", crownJewel)
        writer.member("path", path)
        writer.member("severity", severity.rawValue)
        writer.member("severityReason", severityReason)
        writer.member("state", state.rawValue)
        writer.member("target", target)
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

extension LastUsed: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("date", date)
        writer.member("region", region)
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

extension Observation: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("count", count)
        writer.member("firstSeen", firstSeen)
        writer.member("lastSeen", lastSeen)
        writer.closeObject()
    }
}

extension SessionFacts: PrettyJSONWritable {
    func write(to writer: inout PrettyJSONWriter) {
        writer.openObject()
        writer.member("allowsSetSourceIdentity", allowsSetSourceIdentity)
        writer.member("allowsTagSession", allowsTagSession)
        writer.member("chained", chained)
        writer.member("maxSessionSeconds", maxSessionSeconds)
        writer.member("requiredSessionTags", requiredSessionTags)
        writer.member("requiredTransitiveTagKeys", requiredTransitiveTagKeys)
        writer.member("requiresSourceIdentity", requiresSourceIdentity)
        writer.member("roleMaxSessionDuration", roleMaxSessionDuration)
        writer.closeObject()
    }
}
