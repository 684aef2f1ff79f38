import Testing
@testable import TrustPathAnalysis
import TrustPathEngine
import TrustPathRemediation

/// Walks expand a target set that is most of a group as the group less the roles it leaves out, sparing the members no
/// expansion can change (`SetExpander`). Findings with every chain, doors and the remediation plan are the same as when
/// every set is listed in full: on organizations where the caller accounts of spanning groups each leave out their own
/// roles, and on the small random organizations of alike roles.
@Suite("Engine: sets kept as a group less a few roles")
struct BasedSetTests {
    static let accounts = (1...6).map { String(repeating: String($0), count: 12) }
    static let organization = "o-basedsets01"

    /// Roles trusted organization-wide in every account, operators that may assume any role, roles behind them that
    /// trust an account root, and outside doors into all of them.
    static func hubWorld(seed: UInt64) -> TestWorld {
        var random = SeededRandom(seed: seed)
        var world = TestWorld(organizationID: organization, members: accounts)
        let orgWide = trust("{\"AWS\": \"*\"}", condition: "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"\(organization)\"}}")
        for account in accounts {
            let root = trust("{\"AWS\": \"arn:aws:iam::\(account):root\"}")
            for serial in 0..<Int.random(in: 2...5, using: &random) {
                let chains = Int.random(in: 0..<3, using: &random) == 0
                world.roles.append(RoleSpec(name: "org-wide-\(serial)", account: account, trust: orgWide,
                                            inline: chains ? [allow("sts:AssumeRole")] : []))
            }
            world.roles.append(RoleSpec(name: "operator", account: account, trust: root, inline: [allow("sts:AssumeRole")]))
            world.roles.append(RoleSpec(name: "app", account: account, trust: root,
                                        inline: Bool.random(using: &random) ? [allow("sts:AssumeRole", on: "arn:aws:iam::*:role/org-wide-1")] : []))
            if Int.random(in: 0..<3, using: &random) == 0 {
                // A vendor role that may assume roles of other accounts only: its walk leaves its own account's part of a
                // spanning group out, for a later expansion from another account to reach.
                world.roles.append(RoleSpec(name: "vendor", account: account, trust: trust("{\"AWS\": \"arn:aws:iam::900000000001:root\"}"),
                                            inline: [allow("sts:AssumeRole"), deny("sts:AssumeRole", on: "arn:aws:iam::\(account):role/*")]))
            }
            if Int.random(in: 0..<4, using: &random) == 0 {
                world.roles.append(RoleSpec(name: "public", account: account, trust: trust("{\"AWS\": \"*\"}")))
            }
        }
        return world
    }

    @Test(arguments: Array(UInt64(1)...24))
    func hubOrganizationsAreTheSameEitherWay(seed: UInt64) {
        expectSameEitherWay(Self.hubWorld(seed: seed), mustBase: true)
    }

    @Test(arguments: Array(UInt64(1)...16))
    func alikeRolesAreTheSameEitherWay(seed: UInt64) {
        expectSameEitherWay(HopBundlePropertyTests.world(seed: seed), mustBase: false)
    }

    private func expectSameEitherWay(_ world: TestWorld, mustBase: Bool) {
        let snapshot = world.snapshot()
        var listed = AnalysisOptions(today: "2026-01-01", parallel: false)
        listed.smallestBasedSet = .max
        var based = listed
        based.smallestBasedSet = 2
        let plain = Analyzer.analyze(snapshot, options: listed)
        let walked = Analyzer.analyze(snapshot, options: based)
        #expect(plain.reach.roles.baseCount == 0)
        if mustBase { #expect(walked.reach.roles.baseCount > 0, "the organization should have sets kept as a group less a few") }
        #expect(!plain.findings.isEmpty)
        let findingsDiffer = Set(walked.findings).symmetricDifference(plain.findings).map(\.id).sorted()
        let sameFindings = walked.findings == plain.findings
        #expect(sameFindings, "findings differ: \(findingsDiffer)")
        let doorsDiffer = Set(walked.doors).symmetricDifference(plain.doors).map(\.key.role).sorted()
        let sameDoors = walked.doors == plain.doors
        #expect(sameDoors, "doors differ: \(doorsDiffer)")
        let planListed = RemediationPlan.make(plain)
        let planBased = RemediationPlan.make(walked)
        let sameFixes = planBased.rankedFixes == planListed.rankedFixes
        let sameChokePoints = planBased.chokePoints == planListed.chokePoints
        #expect(sameFixes, "ranked fixes differ")
        #expect(sameChokePoints, "choke points differ")
    }
}
