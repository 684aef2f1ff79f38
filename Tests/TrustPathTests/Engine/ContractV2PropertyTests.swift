import Testing
import TrustPathAnalysis
@testable import TrustPathEngine
import TrustPathModel

/// Properties of entries, organization paths and tenant pinning that must hold on any generated organization.
@Suite("Contract v2 properties")
struct ContractV2PropertyTests {
    static let seeds: [UInt64] = Array(1...16)

    /// Outsiders of every kind.
    static let outsiders: [Actor] = [.anyone] + RandomWorld.outsiders.map { .externalAccount($0) }

    @Test func anOrganizationPathConditionShutsEveryOutsiderOut() {
        var openedBefore = 0
        for seed in Self.seeds { openedBefore += shutsOutsidersOut(seed: seed) }
        #expect(openedBefore > 0, "the generated trusts let outsiders in before the condition was added")
    }

    /// Checks one world; returns how many outsider hops were not closed before.
    private func shutsOutsidersOut(seed: UInt64) -> Int {
        var world = RandomWorld.make(seed: seed)
        let scoped = #""ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-random0001/*"}"#
        // Statements without a condition of their own get the organization-path condition.
        var scopedRoles: [String] = []
        for index in world.roles.indices where world.roles[index].trust.contains("\"AWS\"")
            && !world.roles[index].trust.contains("Condition") {
            world.roles[index].trust = world.roles[index].trust.replacingOccurrences(
                of: "\"Effect\": \"Allow\", ", with: "\"Effect\": \"Allow\", \"Condition\": {\(scoped)}, ")
            scopedRoles.append(world.roles[index].arn)
        }
        let evaluator = HopEvaluator(index: SnapshotIndex(world.snapshot()))
        let before = HopEvaluator(index: SnapshotIndex(RandomWorld.make(seed: seed).snapshot()))
        var openedBefore = 0
        for actor in Self.outsiders {
            for role in scopedRoles {
                if before.evaluate(actor, to: role).state != .closed { openedBefore += 1 }
                #expect(evaluator.evaluate(actor, to: role).state == .closed, "\(actor) → \(role)")
            }
        }
        return openedBefore
    }

    /// A world where each account trusts GitHub through its own provider, the organization's SAML provider and an
    /// EKS cluster issuer, in random mixes.
    static func federatedWorld(seed: UInt64) -> TestWorld {
        var random = SeededRandom(seed: seed)
        var world = TestWorld(organizationID: RandomWorld.organization, members: RandomWorld.members)
        for index in 0..<9 {
            let account = RandomWorld.members[index % RandomWorld.members.count]
            let principal: String
            let action: String
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                principal = "arn:aws:iam::\(account):oidc-provider/token.actions.githubusercontent.com"
                action = "sts:AssumeRoleWithWebIdentity"
            case 1:
                principal = "arn:aws:iam::\(account):saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE"
                action = "sts:AssumeRoleWithSAML"
            default:
                principal = "arn:aws:iam::\(account):oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/C\(index)"
                action = "sts:AssumeRoleWithWebIdentity"
            }
            world.roles.append(RoleSpec(name: "f\(index)", account: account,
                                        trust: trust("{\"Federated\": \"\(principal)\"}", action: action),
                                        inline: RandomWorld.randomPermissions(&random)))
        }
        return world
    }

    @Test(arguments: seeds)
    func theOnlyFederatedEntryIsTheMultiTenantIssuerNamedOnce(seed: UInt64) {
        let world = Self.federatedWorld(seed: seed)
        let index = SnapshotIndex(world.snapshot())
        let federated = EntryDiscovery.entries(in: index).filter { $0.entryKind == .federated }
        let trustsGitHub = world.roles.contains { $0.trust.contains("githubusercontent") }
        #expect(federated == (trustsGitHub ? [.federated("token.actions.githubusercontent.com")] : []))
        let findings = world.analyze().findings.filter { $0.entry.kind == .federated }
        #expect(findings.allSatisfy { $0.entry.id == "token.actions.githubusercontent.com" })
        // Every role trusting GitHub without a subject is reached, whichever account holds its provider.
        let direct = Set(world.roles.filter { $0.trust.contains("githubusercontent") }.map(\.arn))
        #expect(direct.isSubset(of: Set(findings.map(\.target))))
    }

    @Test(arguments: seeds)
    func theOwnerLiteralThroughItsSlashIsWhatPins(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789-")
        let length = Int.random(in: 1...12, using: &random)
        let owner = String((0..<length).map { _ in letters.randomElement(using: &random) ?? "a" })
        let cut = Int.random(in: 0...owner.count, using: &random)
        let stem = String(owner.prefix(cut))
        let pinned = ["repo:\(owner)/*", "repo:\(owner)/?*", "repo:\(owner)/infra:*", "repo:\(owner)/\(stem)*"]
        let open = ["repo:\(stem)*", "repo:\(stem)?*", "repo:\(owner)*", "repo:\(stem)*/*", "repo:\(owner)?/*"]
        let github = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
        for (patterns, expected) in [(pinned, HopState.closed), (open, .open)] {
            for pattern in patterns {
                var world = TestWorld(organizationID: RandomWorld.organization, members: RandomWorld.members)
                let condition = "{\"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"\(pattern)\"}}"
                let role = RoleSpec(name: "ci", account: "111111111111",
                                    trust: trust("{\"Federated\": \"\(github)\"}", action: "sts:AssumeRoleWithWebIdentity",
                                                 condition: condition), inline: [adminPolicy])
                world.roles = [role]
                #expect(world.hop(.federated(github), role.arn).state == expected, "\(pattern)")
            }
        }
    }
}
