import Testing
import TrustPathEvidence

/// A path counts as used only when every hop was; assumptions no admitted hop explains are listed.
@Suite("Evidence queries")
struct EvidenceQueryTests {
    typealias F = CloudTrailFixtures
    static let door = F.role(F.member, "VendorAccess")
    static let middle = F.role(F.member, "Deploy")
    static let target = F.role(F.member2, "Admin")
    static let path = [F.outside, door, middle, target]

    static let outsider = Caller(kind: .account, id: F.outside, account: F.outside)
    static func session(_ role: String) -> Caller { Caller(kind: .roleSession, id: role, account: role.split(separator: ":", omittingEmptySubsequences: false)[4].description) }

    /// entry → door 3 times, door → middle twice, middle → target 4 times.
    static func chainUsed() -> CloudTrailIndex {
        var index = CloudTrailIndex()
        for day in ["05", "12", "20"] { index.record(outsider, role: door, at: "2026-11-\(day)T10:00:00Z") }
        for day in ["06", "13"] { index.record(session(door), role: middle, at: "2026-11-\(day)T10:00:00Z") }
        for day in ["02", "07", "14", "28"] { index.record(session(middle), role: target, at: "2026-11-\(day)T10:00:00Z") }
        return index
    }

    @Test func aChainOfThreeWithEveryHopUsedIsObserved() {
        let observation = Self.chainUsed().pathObservation(Self.path)
        #expect(observation == Observation(count: 2, firstSeen: "2026-11-05T10:00:00Z", lastSeen: "2026-11-28T10:00:00Z"))
    }

    @Test func aMissingHopLeavesThePathUnobserved() {
        var index = CloudTrailIndex()
        index.record(Self.outsider, role: Self.door, at: "2026-11-05T10:00:00Z")
        index.record(Self.session(Self.middle), role: Self.target, at: "2026-11-07T10:00:00Z")
        #expect(index.pathObservation(Self.path) == nil)
        // …while the shorter path that was walked is observed.
        #expect(index.pathObservation(Array(Self.path.prefix(2)))?.count == 1)
    }

    @Test func aLaterHopUsedByAnotherSessionDoesNotCount() {
        var index = CloudTrailIndex()
        index.record(Self.outsider, role: Self.door, at: "2026-11-05T10:00:00Z")
        index.record(Self.session(Self.door), role: Self.middle, at: "2026-11-06T10:00:00Z")
        // The target was obtained by a session of another role, and by the middle role's account.
        index.record(Self.session(F.role(F.member, "Other")), role: Self.target, at: "2026-11-07T10:00:00Z")
        index.record(Caller(kind: .account, id: F.member, account: F.member), role: Self.target, at: "2026-11-07T10:00:00Z")
        #expect(index.pathObservation(Self.path) == nil)
    }

    @Test func theFirstHopMustBeTheEntryItself() {
        var index = Self.chainUsed()
        #expect(index.pathObservation(["999988887777"] + Self.path.dropFirst()) == nil)
        // An outside account's user or role session is that account.
        index = CloudTrailIndex()
        index.record(Caller(kind: .user, id: "arn:aws:iam::\(F.outside):user/bob", account: F.outside), role: Self.door,
                     at: "2026-11-03T00:00:00Z")
        #expect(index.entryObservation(entry: F.outside, role: Self.door)?.count == 1)
        // The public entry passes only with a caller-supplied rule.
        #expect(index.entryObservation(entry: "*", role: Self.door) == nil)
        #expect(index.entryObservation(entry: "*", role: Self.door) { $0.account != F.member }?.count == 1)
    }

    @Test func unexplainedListsOutsideUseThatNoDoorAdmits() {
        var index = CloudTrailIndex()
        let stranger = Caller(kind: .account, id: "999988887777", account: "999988887777")
        index.record(Self.outsider, role: Self.door, at: "2026-11-05T10:00:00Z")
        index.record(stranger, role: Self.door, at: "2026-11-06T10:00:00Z")
        index.record(Caller(kind: .user, id: "arn:aws:iam::\(F.outside):user/bob", account: F.outside), role: Self.door,
                     at: "2026-11-06T11:00:00Z")
        index.record(Self.session(Self.door), role: Self.middle, at: "2026-11-07T10:00:00Z")
        index.record(Caller(kind: .webIdentity, id: "token.actions.githubusercontent.com", account: nil), role: Self.middle,
                     at: "2026-11-07T11:00:00Z")
        let admitted: Set<AdmittedHop> = [AdmittedHop(caller: F.outside, role: Self.door)]
        let trusted: Set<String> = [F.member, F.member2]
        let unexplained = index.unexplained(admitted: admitted, trustedAccounts: trusted)
        #expect(unexplained.map(\.caller) == [stranger])
        // Where the public passes the door, any outside principal is explained.
        #expect(index.unexplained(admitted: admitted.union([AdmittedHop(caller: "*", role: Self.door)]),
                                  trustedAccounts: trusted).isEmpty)
        // The closure form decides what outside means: here federation counts too.
        let withFederation = index.unexplained(admitted: admitted) { $0.kind == .webIdentity || $0.account == "999988887777" }
        #expect(withFederation.map(\.caller.id) == ["token.actions.githubusercontent.com", "999988887777"])  // by role, then caller
    }
}
