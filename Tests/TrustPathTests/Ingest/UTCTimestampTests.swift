import Foundation
import Testing
import TrustPathModel

/// Timestamps of exports (RoleLastUsed, CreateDate) become `YYYY-MM-DDTHH:MM:SSZ`, checked against Foundation's
/// formatter as an independent answer.
@Suite("Ingest: UTC timestamps")
struct UTCTimestampTests {
    static func foundation(_ seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test func textMatchesFoundationOverFourCenturies() {
        var generator = SeededRandom(seed: 17)
        // 1601-01-01 to 2399-12-31, plus the edges of days, leap days and the epoch.
        let edges = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, -11_644_473_600, 13_569_465_599]
        let random = (0..<2_000).map { _ in Int.random(in: -11_644_473_600...13_569_465_599, using: &generator) }
        for seconds in edges + random {
            #expect(UTCTimestamp.text(epochSeconds: seconds) == Self.foundation(seconds), "\(seconds)")
        }
    }

    @Test func exportFormsNormalize() {
        #expect(UTCTimestamp.normalize("2022-12-06T10:00:00+00:00") == "2022-12-06T10:00:00Z")
        #expect(UTCTimestamp.normalize("2022-12-06 10:00:00+00:00") == "2022-12-06T10:00:00Z")
        #expect(UTCTimestamp.normalize("2022-12-06T10:00:00.123456+02:30") == "2022-12-06T07:30:00Z")
        #expect(UTCTimestamp.normalize("2022-12-31T23:30:00-01:00") == "2023-01-01T00:30:00Z")
        #expect(UTCTimestamp.normalize("2022-12-06T10:00:00Z") == "2022-12-06T10:00:00Z")
        #expect(UTCTimestamp.normalize("2022-12-06T10:00:00z") == "2022-12-06T10:00:00Z")
        #expect(UTCTimestamp.normalize("2022-12-06") == "2022-12-06T00:00:00Z")
        #expect(UTCTimestamp.normalize("2022-12-06T10:00:00ZZ") == nil)
        #expect(UTCTimestamp.normalize("2022-13-06T10:00:00Z") == nil)
        #expect(UTCTimestamp.normalize("yesterday") == nil)
    }
}
