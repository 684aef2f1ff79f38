import Foundation
import Testing
import TrustPathCheck
import TrustPathModel

/// The input readers: a template's intrinsics resolved, a plan's role changes, a bare policy, each with its lines.
@Suite("check: reading templates, plans and policies")
struct CheckReaderTests {
    static func role(_ file: CheckedFile, _ resource: String) throws -> CheckedRole {
        try #require(file.roles.first { $0.resource == resource })
    }

    @Test func yamlShortFormsResolveFromDefaultsAndTheAccount() throws {
        let file = try CheckFixtures.read("partner-access.yaml", account: CheckFixtures.prod)
        #expect(file.kind == .cloudFormation)
        #expect(file.roles.map(\.resource) == ["PartnerRole", "VendorRole", "CiRole", "ChainedRole"],
                "ProdOnlyRole's condition is false with the defaults")
        let partner = try Self.role(file, "PartnerRole")
        #expect(partner.role.name == "partner-dev-deployer", "!Sub with a parameter's default")
        #expect(partner.role.trustPolicy?.statements.first?.principal?.aws == ["arn:aws:iam::999988887777:root"])
        #expect(partner.role.attachedPolicyARNs == ["arn:aws:iam::aws:policy/AdministratorAccess"], "!If takes the false branch")
        #expect(partner.role.tags == ["team": "reporting", "path": "a/b"], "!Select of a list parameter, !Join of !Split")
        #expect(partner.line(ofStatement: 0) == 39, "the line of its Principal")
        let ci = try Self.role(file, "CiRole")
        #expect(ci.role.trustPolicy?.statements.first?.principal?.federated
                == ["arn:aws:iam::\(CheckFixtures.prod):oidc-provider/token.actions.githubusercontent.com"])
        let chained = try Self.role(file, "ChainedRole")
        #expect(chained.role.name == "ChainedRole", "no RoleName: the logical id")
        #expect(chained.role.trustPolicy?.statements.first?.principal?.aws
                == ["arn:aws:iam::\(CheckFixtures.prod):role/partner-dev-deployer"], "!GetAtt Role.Arn")
        #expect(chained.role.inlinePolicies.map(\.name) == ["write"], "an AWS::IAM::Policy naming the role by !Ref")
        let vendor = try Self.role(file, "VendorRole")
        let externalID = vendor.role.trustPolicy?.statements.first?.conditions.first?.values.first ?? ""
        #expect(externalID.contains("unresolved"), "a parameter without a default stays unknown")
        #expect(file.notes.contains { $0.message.contains("parameter PartnerExternalId (it has no Default)") && $0.line == 61 })
        for unknown in ["availability zones", "Fn::Cidr", "Fn::ImportValue"] {
            #expect(file.notes.contains { $0.message.contains(unknown) }, "\(unknown) is said to be unknown")
        }
        #expect(vendor.role.tags["note"] == "aGVsbG8=", "!Base64")
        #expect(file.notes.contains { $0.resource == "ProdOnlyRole" && $0.message.contains("IsProd is false") })
    }

    @Test func jsonLongFormsResolveAlike() throws {
        let file = try CheckFixtures.read("partner-access.json", account: CheckFixtures.prod)
        let partner = try Self.role(file, "PartnerRole")
        #expect(partner.role.name == "partner-deployer")
        #expect(partner.role.trustPolicy?.statements.map { $0.principal?.aws ?? [] } == [[], ["arn:aws:iam::999988887777:root"]])
        #expect(partner.role.trustPolicy?.statements.first?.conditions.first?.values == [CheckFixtures.prod], "Ref AWS::AccountId")
        #expect(partner.line(ofStatement: 1) == 22, "the principal's line, looked up in the JSON text")
    }

    @Test func aPlanGivesTheRolesItCreatesOrUpdates() throws {
        let file = try CheckFixtures.read("plan.json", account: CheckFixtures.prod)
        #expect(file.kind == .terraformPlan)
        #expect(file.roles.map(\.resource) == ["aws_iam_role.partner", "module.ci.aws_iam_role.this[0]"],
                "not the deleted role, not the one whose policy is unknown")
        let partner = try Self.role(file, "aws_iam_role.partner")
        #expect(partner.role.attachedPolicyARNs == ["arn:aws:iam::aws:policy/AdministratorAccess"], "the attachment resource")
        #expect(partner.resourceLine == 5 && partner.line(ofStatement: 0) == 5, "the resource's entry in the plan")
        let ci = try Self.role(file, "module.ci.aws_iam_role.this[0]")
        #expect(ci.role.inlinePolicies.map(\.name) == ["write"])
        #expect(ci.role.trustPolicy?.statements.first?.principal?.service == ["config.amazonaws.com"], "Statement as one object")
        #expect(file.notes.contains { $0.resource == "aws_iam_role.later" && $0.message.contains("known only after apply") })
    }

    @Test func aBarePolicyIsOneRoleWithItsStatementLines() throws {
        let file = try CheckFixtures.read("trust-policy.json")
        #expect(file.kind == .trustPolicy)
        let role = try #require(file.roles.first)
        #expect(role.resource == nil)
        #expect(role.statementLines == [0: 7, 1: 13])
    }

    /// A YAML template in flow style starts like JSON, and reads as YAML.
    @Test func aFlowStyleYAMLTemplateReads() throws {
        let text = #"{Resources: {R: {Type: "AWS::IAM::Role", Properties: {AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"}, Action: "sts:AssumeRole"}]}}}}}"#
        let file = try CheckInputReader.read(Array(text.utf8), file: "flow.yaml", account: CheckFixtures.prod)
        #expect(file.roles.first?.role.trustPolicy?.statements.first?.principal?.aws == ["arn:aws:iam::\(CheckFixtures.prod):root"])
    }

    /// A JSON template written on one line still reads: JSON is told apart from YAML by content.
    @Test func jsonIsToldFromYAMLByContentNotName() throws {
        let text = #"{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}}}}}"#
        let file = try CheckInputReader.read(Array(text.utf8), file: "template.yaml", account: CheckFixtures.prod)
        #expect(file.roles.first?.role.trustPolicy?.statements.first?.principal?.aws == ["*"])
    }
}
