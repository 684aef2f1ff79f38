import Testing
import TrustPathIngest
import TrustPathModel

/// The policy grammar quirks SPEC §1 lists, each read from a small export written here.
@Suite("Policy grammar quirks")
struct GrammarQuirkTests {
    func load(_ json: String, file: String = "gaad.json") -> Snapshot {
        SnapshotLoader().load(documents: [(file, Array(json.utf8))])
    }

    func role(trust: String, extra: String = "") -> String {
        """
        {"RoleDetailList": [{"RoleName": "R", "Path": "/", "RoleId": "AROAEXAMPLE000000001",
          "Arn": "arn:aws:iam::111111111111:role/R", "AssumeRolePolicyDocument": \(trust)\(extra)}]}
        """
    }

    @Test func statementAsObjectOrArray() {
        let object = load(role(trust: #"{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}}"#))
        let array = load(role(trust: #"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}"#))
        #expect(object.allRoles[0].trustPolicy?.statements.count == 1)
        #expect(object.allRoles[0].trustPolicy?.statements == array.allRoles[0].trustPolicy?.statements)
        #expect(object.allRoles[0].trustPolicy?.statements[0].principal?.everyone == true)
    }

    @Test func principalAndActionAsStringOrList() {
        let single = load(role(trust: #"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "222222222222"}, "Action": "sts:AssumeRole"}]}"#))
        let list = load(role(trust: #"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["222222222222", "arn:aws:iam::333333333333:root"]}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}"#))
        #expect(single.allRoles[0].trustPolicy?.statements[0].principal?.aws == ["222222222222"])
        #expect(list.allRoles[0].trustPolicy?.statements[0].principal?.aws.count == 2)
        #expect(list.allRoles[0].trustPolicy?.statements[0].action.patterns == ["sts:AssumeRole", "sts:TagSession"])
    }

    @Test func principalForms() {
        #expect(PrincipalReference("222222222222") == .account(id: "222222222222", partition: ""))
        #expect(PrincipalReference("arn:aws:iam::222222222222:root") == .account(id: "222222222222", partition: "aws"))
        #expect(PrincipalReference("AROAEXAMPLEDELETED01") == .uniqueID("AROAEXAMPLEDELETED01"))
        #expect(PrincipalReference("AIDAEXAMPLEDELETED01") == .uniqueID("AIDAEXAMPLEDELETED01"))
        #expect(PrincipalReference("*") == .anyone)
        #expect(PrincipalReference("arn:aws:sts::200611803367:assumed-role/AWSReservedSSO_Admin_dc64/elad@codsec.io")
            == .assumedRole(account: "200611803367", partition: "aws", roleName: "AWSReservedSSO_Admin_dc64",
                            session: "elad@codsec.io"))
        #expect(PrincipalReference("arn:aws:iam::222222222222:role/path/to/Deploy")
            == .role(arn: "arn:aws:iam::222222222222:role/path/to/Deploy", account: "222222222222", partition: "aws", name: "Deploy"))
        #expect(PrincipalReference("arn:aws-us-gov:iam::222222222222:root").partition == "aws-us-gov")
    }

    @Test func notActionNotResourceAndConditionValueTypes() {
        let json = """
        {"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::111111111111:role/R",
          "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
            "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 3600}, "Bool": {"aws:SecureTransport": true}}}]},
          "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "NotResource": ["arn:aws:s3:::secret/*"]}]}}]}]}
        """
        let role = load(json).allRoles[0]
        let clauses = role.trustPolicy?.statements[0].conditions ?? []
        #expect(clauses.map(\.values) == [["3600"], ["true"]])
        let statement = role.inlinePolicies[0].document.statements[0]
        #expect(statement.action == MatchList(["iam:*"], negated: true))
        #expect(statement.resource == MatchList(["arn:aws:s3:::secret/*"], negated: true))
    }

    @Test func attachedManagedPoliciesAsAnObject() {
        let json = """
        {"GroupDetailList": [{"GroupName": "Admins", "Arn": "arn:aws:iam::111111111111:group/Admins",
          "AttachedManagedPolicies": {"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"},
          "GroupPolicyList": []}]}
        """
        let group = load(json).accounts["111111111111"]?.groups.first
        #expect(group?.attachedPolicyARNs == ["arn:aws:iam::aws:policy/AdministratorAccess"])
    }

    @Test func urlEncodedDocuments() {
        let encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
            + "%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A222222222222%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D"
        let role = load(role(trust: "\"\(encoded)\"")).allRoles[0]
        #expect(role.trustPolicy?.statements.first?.principal?.aws == ["arn:aws:iam::222222222222:root"])
    }

    @Test func missingTrustPolicyIsANoteNotACrash() {
        let json = #"{"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::111111111111:role/R"}]}"#
        let snapshot = load(json)
        #expect(snapshot.allRoles[0].trustPolicy == nil)
        #expect(snapshot.diagnostics.map(\.code) == ["missing-trust-policy"])
    }

    @Test func pagesOfOneAccountMerge() {
        let first = """
        {"RoleDetailList": [{"RoleName": "A", "Arn": "arn:aws:iam::111111111111:role/A", "AssumeRolePolicyDocument": {"Statement": []}}],
         "IsTruncated": true, "Marker": "page2"}
        """
        let second = """
        {"RoleDetailList": [{"RoleName": "B", "Arn": "arn:aws:iam::111111111111:role/B", "AssumeRolePolicyDocument": {"Statement": []}}],
         "IsTruncated": false}
        """
        let snapshot = SnapshotLoader().load(documents: [("p1.json", Array(first.utf8)), ("p2.json", Array(second.utf8))])
        #expect(snapshot.accounts["111111111111"]?.roles.map(\.name) == ["A", "B"])
        #expect(snapshot.accounts["111111111111"]?.files == ["p1.json", "p2.json"])
        #expect(!snapshot.diagnostics.contains { $0.code == "missing-page" })
        let alone = SnapshotLoader().load(documents: [("p1.json", Array(first.utf8))])
        #expect(alone.diagnostics.map(\.code) == ["missing-page"])
    }

    @Test func conflictingDuplicatesAreTwoExportsAndTheFirstFileWinsWhereTheLoadGoesOn() {
        let one = role(trust: #"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}"#)
        let two = role(trust: #"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#)
        let snapshot = SnapshotLoader().load(documents: [("b.json", Array(two.utf8)), ("a.json", Array(one.utf8))])
        #expect(snapshot.allRoles[0].trustPolicy?.statements[0].principal?.everyone == true)
        #expect(snapshot.diagnostics.map(\.code) == ["conflicting-exports"])
        #expect(snapshot.diagnostics.first?.severity == .error)
        #expect(snapshot.diagnostics.first?.location?.file == "b.json")
    }
}
