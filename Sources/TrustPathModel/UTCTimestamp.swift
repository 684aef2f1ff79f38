/// UTC timestamps as `YYYY-MM-DDTHH:MM:SSZ`, the form whose text order is time order.
public enum UTCTimestamp {
    /// Accepts `2026-11-02T09:14:00Z`, `2026-11-02 09:14:00+00:00` (Python's `str(datetime)`), fractions of a
    /// second and other UTC offsets; nil for anything else.
    public static func normalize(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var result = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                result = result * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return result
        }
        guard bytes.count >= 10, let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        if bytes.count == 10 { return text + "T00:00:00Z" }
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), hour < 24, minute < 60, second < 61
        else { return nil }
        var position = 19
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        }
        var offsetSeconds = 0
        let rest = bytes[position...]
        if rest.isEmpty || (rest.count == 1 && (rest.first == UInt8(ascii: "Z") || rest.first == UInt8(ascii: "z"))) {
            offsetSeconds = 0
        } else if rest.count == 6, let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  let hours = number(position + 1..<position + 3), bytes[position + 3] == UInt8(ascii: ":"),
                  let minutes = number(position + 4..<position + 6) {
            offsetSeconds = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return nil
        }
        // Already canonical (every CloudTrail eventTime): no arithmetic.
        if offsetSeconds == 0, position == 19, bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
           second < 60 {
            return text
        }
        let local = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + min(second, 59)
        return self.text(epochSeconds: local - offsetSeconds)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of a time in seconds since 1970.
    public static func text(epochSeconds: Int) -> String {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondsOfDay = epochSeconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        // Written digit by digit: every role's RoleLastUsed of a thousand-account export passes here.
        if (0...9999).contains(year) {
            var text: [UInt8] = []
            text.reserveCapacity(20)
            func digits(_ value: Int, _ count: Int, then separator: Unicode.Scalar) {
                var divisor = 1
                for _ in 1..<count { divisor *= 10 }
                while divisor > 0 {
                    text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                    divisor /= 10
                }
                text.append(UInt8(ascii: separator))
            }
            digits(year, 4, then: "-")
            digits(month, 2, then: "-")
            digits(day, 2, then: "T")
            digits(secondsOfDay / 3600, 2, then: ":")
            digits(secondsOfDay % 3600 / 60, 2, then: ":")
            digits(secondsOfDay % 60, 2, then: "Z")
            return String(decoding: text, as: UTF8.self)
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))Z"
    }

    // Howard Hinnant's days-from-civil and its inverse: the proleptic Gregorian calendar without Foundation.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
