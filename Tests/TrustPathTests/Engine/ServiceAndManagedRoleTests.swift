import Testing
import TrustPathAnalysis
@testable import TrustPathEngine
import TrustPathModel

/// Service entries reach only the roles that trust them; pass-role-only services are no entries; roles AWS or
/// IAM Identity Center manage are never edited by hand.
@Suite("Service entries and managed roles")
struct ServiceAndManagedRoleTests {
    static let member = "111111111111"

    @Test(arguments: ["pods.eks.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com",
                      "PODS.EKS.AMAZONAWS.COM"])
    func passRoleOnlyServicesAreNoEntries(service: String) {
        var world = TestWorld(organizationID: "o-test111111", members: [Self.member])
        let role = RoleSpec(name: "Target", account: Self.member, trust: trust("{\"Service\": \"\(service)\"}"), inline: [adminPolicy])
        world.roles = [role]
        let index = SnapshotIndex(world.snapshot())
        #expect(EntryDiscovery.entries(in: index).isEmpty)
        let verdict = HopEvaluator(index: index).evaluate(.service(service.lowercased()), to: role.arn)
        #expect(verdict.state == .closed)
        #expect(verdict.reasons.first?.contains("https://docs.aws.amazon.com/") == true, "the reason names its source")
    }

    @Test func servicesThatActOnOtherAccountsSayStayEntries() {
        for service in ["config.amazonaws.com", "sns.amazonaws.com", "events.amazonaws.com", "eks-nodegroup.amazonaws.com"] {
            #expect(ServicePrincipals.passRoleOnly(service) == nil, "\(service)")
        }
    }

    @Test func everyPassRoleOnlyServiceHasAReasonAndAnAWSSource() {
        #expect(ServicePrincipals.passRoleOnlyServices.count == Set(ServicePrincipals.passRoleOnlyServices.map(\.principal)).count)
        for service in ServicePrincipals.passRoleOnlyServices {
            #expect(service.principal == service.principal.lowercased() && service.principal.hasSuffix(".amazonaws.com"))
            #expect(!service.reason.isEmpty)
            #expect(service.source.hasPrefix("https://docs.aws.amazon.com/"), "\(service.principal): \(service.source)")
        }
    }

    @Test func nothingChainsFromAServiceAndServiceLinkedRolesAreNotReached() {
        #expect(!Actor.service("config.amazonaws.com").chainsOnward)
        #expect(Actor.anyone.chainsOnward && Actor.externalAccount("999900001111").chainsOnward)
        #expect(Actor.federated("token.actions.githubusercontent.com").chainsOnward)
        #expect(Actor.roleSession("arn:aws:iam::111111111111:role/x").chainsOnward)
        var world = TestWorld(organizationID: "o-test111111", members: [Self.member])
        let linked = RoleSpec(name: "AWSServiceRoleForConfig", account: Self.member, trust: trust("{\"Service\": \"config.amazonaws.com\"}"),
                              inline: [adminPolicy], path: "/aws-service-role/config.amazonaws.com/")
        world.roles = [linked]
        let index = SnapshotIndex(world.snapshot())
        #expect(EntryDiscovery.entries(in: index).isEmpty)
        #expect(HopEvaluator(index: index).evaluate(.service("config.amazonaws.com"), to: linked.arn).state == .closed)
    }

    @Test func identityCenterRolesNameTheirPermissionSet() {
        let location = SourceLocation(file: "f.json", jsonPath: "$")
        func role(_ name: String, path: String) -> Role {
            Role(arn: "arn:aws:iam::111111111111:role\(path)\(name)", name: name, path: path, roleID: "AROA", account: "111111111111",
                 partition: "aws", trustPolicy: nil, location: location)
        }
        let admin = role("AWSReservedSSO_AdministratorAccess_9f3c0e7b1a2d4c6e", path: "/aws-reserved/sso.amazonaws.com/eu-west-1/")
        #expect(admin.isManagedByIdentityCenter && !admin.trustIsHandEditable)
        #expect(admin.identityCenterPermissionSet == "AdministratorAccess")
        let underscored = role("AWSReservedSSO_Data_Eng_ReadOnly_0123456789abcdef", path: "/aws-reserved/sso.amazonaws.com/")
        #expect(underscored.identityCenterPermissionSet == "Data_Eng_ReadOnly")
        // Near misses: the same name outside the reserved path, and the reserved path with a name Identity Center never writes.
        let lookalike = role("AWSReservedSSO_AdministratorAccess_9f3c0e7b1a2d4c6e", path: "/")
        #expect(!lookalike.isManagedByIdentityCenter && lookalike.trustIsHandEditable && lookalike.identityCenterPermissionSet == nil)
        #expect(role("Custom", path: "/aws-reserved/sso.amazonaws.com/").identityCenterPermissionSet == nil)
        #expect(!role("x", path: "/aws-service-role/config.amazonaws.com/").trustIsHandEditable)
    }

    @Test func severityNamesTheMostTellingPermission() {
        var world = TestWorld(organizationID: "o-test111111", members: [Self.member])
        let s3Read = RoleSpec(name: "S3Read", account: Self.member, trust: trust("{\"AWS\": \"999900001111\"}"),
                              managed: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"])
        let objectLambdaOnly = RoleSpec(name: "ObjectLambda", account: Self.member, trust: trust("{\"AWS\": \"999900001111\"}"),
                                        inline: [allow("s3-object-lambda:Get*")])
        let escalation = RoleSpec(name: "Escalate", account: Self.member, trust: trust("{\"AWS\": \"999900001111\"}"),
                                  inline: [allow("iam:AttachRolePolicy"), allow("s3:GetObject")])
        world.roles = [s3Read, objectLambdaOnly, escalation]
        let reasons = Dictionary(world.analyze().findings.map { ($0.target, $0.severityReason) }, uniquingKeysWith: { $1 })
        #expect(reasons[s3Read.arn] == "read access: s3:GetObject")
        #expect(reasons[objectLambdaOnly.arn] == "read access: s3-object-lambda:Get*", "near miss: nothing more telling to name")
        #expect(reasons[escalation.arn]?.hasPrefix("IAM privilege escalation") == true)
    }
}
