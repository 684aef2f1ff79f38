import Foundation

/// Dates as the history stores and prints them: ISO 8601 in UTC to the second (`2026-10-01T00:00:00Z`),
/// which also sorts correctly as text in SQLite.
public enum HistoryDate {
    /// Accepts `2026-10-01` (midnight UTC), `2026-10-01T09:30:00Z`, offsets such as `+02:00`, and
    /// fractional seconds.
    public static func parse(_ text: String) throws(HistoryError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // The formatter is lenient (a date-only format reads the date off a date-time and drops the time), so
        // each form is picked by its shape first.
        let isDateOnly = trimmed.count == 10 && trimmed.enumerated().allSatisfy { offset, character in
            offset == 4 || offset == 7 ? character == "-" : character.isASCII && character.isNumber
        }
        let options: ISO8601DateFormatter.Options = isDateOnly ? [.withFullDate]
            : trimmed.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = options
        formatter.timeZone = TimeZone(identifier: "UTC")
        if let date = formatter.date(from: trimmed) { return date }
        throw .invalidDate(text)
    }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// `2026-10-01` when the time is midnight UTC, else the full form: what tables print.
    public static func short(_ text: String) -> String {
        text.hasSuffix("T00:00:00Z") ? String(text.prefix(10)) : text
    }

    /// Days between two stored dates, or nil if either is unreadable.
    static func days(from start: String, to end: String) -> Double? {
        guard let start = try? parse(start), let end = try? parse(end) else { return nil }
        return end.timeIntervalSince(start) / 86_400
    }
}
