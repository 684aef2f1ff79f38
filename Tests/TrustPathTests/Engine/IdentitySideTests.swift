import Testing
import TrustPathEngine

/// SPEC §3.3: the caller's identity side, boundaries, SCPs; and RCPs on the role's side.
@Suite("Identity side, boundaries, SCPs and RCPs")
struct IdentitySideTests {
    let callerAccount = "111111111111"
    let targetAccount = "222222222222"
    let org = "o-test111111"

    func world(callerInline: [String], boundary: String? = nil, trustPrincipal: String? = nil,
               sameAccount: Bool = false) -> (TestWorld, caller: String, target: String) {
        var world = TestWorld(organizationID: org, members: [callerAccount, targetAccount])
        let caller = RoleSpec(name: "Caller", account: callerAccount, trust: trust("{\"Service\": \"lambda.amazonaws.com\"}"),
                              inline: callerInline, boundary: boundary)
        let account = sameAccount ? callerAccount : targetAccount
        let principal = trustPrincipal ?? "{\"AWS\": \"arn:aws:iam::\(callerAccount):root\"}"
        let target = RoleSpec(name: "Target", account: account, trust: trust(principal), inline: [adminPolicy])
        world.roles = [caller, target]
        if let boundary { world.policies[boundary] = allow("s3:*") }
        return (world, caller.arn, target.arn)
    }

    @Test func crossAccountNeedsAnIdentityAllow() {
        let (without, caller, target) = world(callerInline: [])
        #expect(without.hop(.roleSession(caller), target).state == .closed)
        let (with, _, _) = world(callerInline: [allow("sts:AssumeRole", on: target)])
        let verdict = with.hop(.roleSession(caller), target)
        #expect(verdict.state == .open)
        #expect(verdict.identityRequired)
        #expect(verdict.identityStatement?.owner == "Caller/inline0")
    }

    @Test func identityAllowOnAnotherResourceIsNotEnough() {
        let (world, caller, target) = world(callerInline: [allow("sts:AssumeRole", on: "arn:aws:iam::222222222222:role/Other")])
        #expect(world.hop(.roleSession(caller), target).state == .closed)
    }

    @Test func explicitDenyInIdentityPolicyWins() {
        let (world, caller, target) = world(callerInline: [allow("sts:*"), deny("sts:AssumeRole", on: "arn:aws:iam::222222222222:role/*")])
        #expect(world.hop(.roleSession(caller), target).state == .closed)
    }

    @Test func sameAccountTrustNamingTheRoleNeedsNoIdentityPermission() {
        let callerARN = "arn:aws:iam::111111111111:role/Caller"
        let (world, caller, target) = world(callerInline: [], trustPrincipal: "{\"AWS\": \"\(callerARN)\"}", sameAccount: true)
        let verdict = world.hop(.roleSession(caller), target)
        #expect(verdict.state == .open)
        #expect(!verdict.identityRequired)
    }

    @Test func sameAccountTrustNamingTheAccountNeedsIdentityPermission() {
        let (world, caller, target) = world(callerInline: [], sameAccount: true)
        #expect(world.hop(.roleSession(caller), target).state == .closed)
    }

    @Test func assumedRoleSessionPrincipalCoversTheRole() {
        let session = "arn:aws:sts::111111111111:assumed-role/Caller/someone@example.com"
        let (world, caller, target) = world(callerInline: [], trustPrincipal: "{\"AWS\": \"\(session)\"}", sameAccount: true)
        #expect(world.hop(.roleSession(caller), target).state == .open)
    }

    @Test func permissionsBoundaryLimitsEvenADirectlyNamedRole() {
        let callerARN = "arn:aws:iam::111111111111:role/Caller"
        let boundary = "arn:aws:iam::111111111111:policy/s3-only"
        let (bounded, caller, target) = world(callerInline: [allow("sts:AssumeRole")], boundary: boundary,
                                              trustPrincipal: "{\"AWS\": \"\(callerARN)\"}", sameAccount: true)
        #expect(bounded.hop(.roleSession(caller), target).state == .closed)
        let (free, _, _) = world(callerInline: [allow("sts:AssumeRole")], trustPrincipal: "{\"AWS\": \"\(callerARN)\"}",
                                 sameAccount: true)
        #expect(free.hop(.roleSession(caller), target).state == .open)
    }

    func scp(_ statements: String, targets: [String]) -> String {
        let content = "{\"Version\": \"2012-10-17\", \"Statement\": \(statements)}"
            .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ")
        let targetList = targets.map { "{\"TargetId\": \"\($0)\", \"Type\": \"ACCOUNT\"}" }.joined(separator: ",")
        return """
        {"Policy": {"PolicySummary": {"Id": "p-test", "Name": "test", "Type": "SERVICE_CONTROL_POLICY"},
         "Content": "\(content)"}, "Targets": [\(targetList)]}
        """
    }

    @Test func scpDenyOnTheCallersAccountCloses() {
        var (world, caller, target) = world(callerInline: [allow("sts:AssumeRole")])
        world.extraFiles["scp.json"] = scp("""
            [{"Effect": "Allow", "Action": "*", "Resource": "*"},
             {"Effect": "Deny", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::222222222222:role/*"}]
            """, targets: [callerAccount])
        #expect(world.hop(.roleSession(caller), target).state == .closed)
        world.extraFiles["scp.json"] = scp("[{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]", targets: [callerAccount])
        #expect(world.hop(.roleSession(caller), target).state == .open)
    }

    @Test func scpOnAnotherAccountDoesNotApply() {
        var (world, caller, target) = world(callerInline: [allow("sts:AssumeRole")])
        world.extraFiles["scp.json"] = scp("[{\"Effect\": \"Deny\", \"Action\": \"sts:*\", \"Resource\": \"*\"}]", targets: [targetAccount])
        #expect(world.hop(.roleSession(caller), target).state == .open)
    }

    @Test func rcpDenyingOutsidersClosesTheEntryHop() {
        var world = TestWorld(organizationID: org, members: [callerAccount, targetAccount])
        let vendor = RoleSpec(name: "Vendor", account: targetAccount, trust: trust("{\"AWS\": \"999900001111\"}"), inline: [adminPolicy])
        world.roles = [vendor]
        #expect(world.hop(.externalAccount("999900001111"), vendor.arn).state == .open)
        let content = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
         {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "*",
          "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "\(org)"}, "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}]}
        """.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
        world.extraFiles["rcp.json"] = """
        {"Policy": {"PolicySummary": {"Id": "p-rcp", "Name": "outsiders-out", "Type": "RESOURCE_CONTROL_POLICY"},
         "Content": "\(content)"}, "Targets": [{"TargetId": "r-ab12", "Type": "ROOT"}]}
        """
        #expect(world.hop(.externalAccount("999900001111"), vendor.arn).state == .closed)
    }
}
