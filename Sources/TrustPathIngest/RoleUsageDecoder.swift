import TrustPathJSON
import TrustPathModel

/// `RoleLastUsed` and `MaxSessionDuration`: facts about a role's use that the analysis reports but never rests on,
/// so a value it cannot read is a note and the role is kept.
extension EntityDecoder {
    /// nil when the export records no use (`"RoleLastUsed": {}`), omits it, or writes it in a shape we cannot read.
    mutating func roleLastUsed(_ role: JSONValue, at path: JSONPath) -> RoleLastUsed? {
        guard let value = role["RoleLastUsed"], value != .null else { return nil }
        let usedPath = path.appending("RoleLastUsed")
        guard case .object = value else {
            context.wrongType(expected: "an object", found: value, at: usedPath, consequence: "last use unknown")
            return nil
        }
        let region = context.optionalString(value, "Region", at: usedPath)
        guard let dateValue = value["LastUsedDate"], dateValue != .null else { return nil }
        let datePath = usedPath.appending("LastUsedDate")
        switch dateValue {
        case .string(let text):
            if let date = UTCTimestamp.normalize(text) { return RoleLastUsed(date: date, region: region) }
            context.report(.warning, "bad-date", "\"\(text)\" is not a date (expected ISO 8601, e.g. 2026-11-02T09:14:00Z); last use unknown",
                           at: datePath, hint: "re-export the file with the AWS CLI")
            return nil
        case .number(let text):
            // Some SDK dumps write datetimes as seconds since 1970.
            if let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds < 253_402_300_800 {
                return RoleLastUsed(date: UTCTimestamp.text(epochSeconds: Int(seconds)), region: region)
            }
            context.report(.warning, "bad-date", "\(text) is not a time in seconds since 1970; last use unknown", at: datePath,
                           hint: "re-export the file with the AWS CLI")
            return nil
        default:
            context.wrongType(expected: "a date string", found: dateValue, at: datePath, consequence: "last use unknown")
            return nil
        }
    }

    /// The role's `MaxSessionDuration` in seconds; nil when absent or unreadable (reported).
    mutating func maxSessionDuration(_ role: JSONValue, at path: JSONPath) -> Int? {
        guard let value = role["MaxSessionDuration"], value != .null else { return nil }
        let durationPath = path.appending("MaxSessionDuration")
        guard case .number(let text) = value else {
            context.wrongType(expected: "a number of seconds", found: value, at: durationPath,
                              consequence: "the default of 3600 seconds is assumed")
            return nil
        }
        // AWS allows 3600 to 43200; a value outside is kept (the export says so) but looks wrong.
        guard let seconds = Int(text), seconds > 0 else {
            context.report(.warning, "bad-duration", "MaxSessionDuration \(text) is not a whole positive number of seconds; "
                           + "the default of 3600 seconds is assumed", at: durationPath, hint: "re-export the file with the AWS CLI")
            return nil
        }
        return seconds
    }
}
