import Foundation
import Testing
import TrustPathCheck
import TrustPathJSON

/// Input `check` cannot use: a message naming the file and where, never a crash, never a hang.
@Suite("check: bad and hostile input")
struct CheckBadInputTests {
    @Test func anAliasBombIsRefusedBeforeParsing() throws {
        let start = Date()
        let error = try #require(CheckFixtures.error(String(decoding: try CheckFixtures.bytes("alias-bomb.yaml"), as: UTF8.self),
                                                     file: "alias-bomb.yaml"))
        #expect(error.description.hasPrefix("alias-bomb.yaml:3: "))
        #expect(error.message.contains("alias bomb"))
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func fewAliasesThatExpandTooFarAreRefusedWhileBuilding() throws {
        let error = try #require(CheckFixtures.error(String(decoding: try CheckFixtures.bytes("few-aliases-bomb.yaml"), as: UTF8.self),
                                                     file: "few.yaml"))
        #expect(error.message.contains("expands to more than"))
        #expect(error.line != nil)
    }

    @Test(arguments: [String(repeating: "[", count: 100_000), "a:\n" + (1...2_000).map { String(repeating: " ", count: $0) + "b:" }
        .joined(separator: "\n"), "Resources: " + String(repeating: "{a: ", count: 5_000)])
    func deepNestingIsRefused(text: String) {
        let error = CheckFixtures.error(text)
        #expect(error != nil)
        #expect(error?.file == "bad.yaml")
    }

    @Test func deepJSONIsRefusedWithItsPath() throws {
        let error = try #require(CheckFixtures.error(String(repeating: "[", count: 10_000), file: "deep.json"))
        #expect(error.message.contains("not valid JSON"))
        #expect(error.line == 1)
    }

    @Test func unknownIntrinsicsNameTheFunctionAndTheLine() throws {
        let yaml = try #require(CheckFixtures.error(String(decoding: try CheckFixtures.bytes("unknown-intrinsic.yaml"), as: UTF8.self),
                                                    file: "unknown-intrinsic.yaml"))
        #expect(yaml.description.hasPrefix("unknown-intrinsic.yaml:9: "))
        #expect(yaml.message.contains("unknown intrinsic function !Bogus"))
        let json = try #require(CheckFixtures.error(#"{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": {"Fn::Bogus": "x"}}}}}"#,
                                                    file: "t.json"))
        #expect(json.message.contains("Fn::Bogus") && json.path == "$.Resources.R.Properties.RoleName")
    }

    @Test func aPlanOfAnotherProviderSaysWhichProvider() throws {
        let error = try #require(CheckFixtures.error(String(decoding: try CheckFixtures.bytes("google-plan.json"), as: UTF8.self),
                                                     file: "google-plan.json"))
        #expect(error.message.contains("registry.terraform.io/hashicorp/google"))
        #expect(error.path == "$.resource_changes")
    }

    @Test func aJSONThatIsNoneOfTheseSaysWhatItExpected() throws {
        let error = try #require(CheckFixtures.error(#"{"Users": []}"#, file: "users.json"))
        #expect(error.message.contains("neither a trust policy"))
        let yaml = try #require(CheckFixtures.error("just: text\n", file: "x.yaml"))
        #expect(yaml.message.contains("YAML that is neither"))
    }

    @Test func brokenTemplatesNameFileAndLine() throws {
        let invalid = try #require(CheckFixtures.error("Resources:\n  R: [unclosed\n"))
        #expect(invalid.description.hasPrefix("bad.yaml:") && invalid.message.contains("not valid YAML"))
        let circular = try #require(CheckFixtures.error("""
        Resources:
          A: {Type: AWS::IAM::Role, Properties: {RoleName: !Ref B, AssumeRolePolicyDocument: {Statement: []}}}
          B: {Type: AWS::IAM::Role, Properties: {RoleName: !Ref A, AssumeRolePolicyDocument: {Statement: []}}}
        """))
        #expect(circular.message.contains("refers to itself"))
        let missing = try #require(CheckFixtures.error("""
        Resources:
          A: {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: !Ref Nope}, Action: "sts:AssumeRole"}]}}}
        """))
        #expect(missing.line == 2 && missing.message.contains("Ref to Nope"))
        let select = try #require(CheckFixtures.error("""
        Resources:
          A: {Type: AWS::IAM::Role, Properties: {RoleName: !Select [5, [a, b]], AssumeRolePolicyDocument: {Statement: []}}}
        """))
        #expect(select.message.contains("outside the list"))
    }

    /// A role whose path is its own ARN, and a chain of thousands of roles each named after the next one's ARN: refused
    /// with a message, not a stack overflow.
    @Test func selfAndLongReferenceChainsAreRefused() throws {
        let own = try #require(CheckFixtures.error("""
        Resources:
          A: {Type: AWS::IAM::Role, Properties: {Path: !GetAtt A.Arn, AssumeRolePolicyDocument: {Statement: []}}}
        """))
        #expect(own.message.contains("refers to itself") && own.path == "$.Resources.A")
        var yaml = "Resources:\n"
        for index in 0..<5_000 {
            yaml += "  R\(index): {Type: AWS::IAM::Role, Properties: {RoleName: !Sub \"${R\(index + 1).Arn}-x\", "
                + "AssumeRolePolicyDocument: {Statement: []}}}\n"
        }
        yaml += "  R5000: {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {Statement: []}}}\n"
        let chain = try #require(CheckFixtures.error(yaml))
        #expect(chain.message.contains("nest more than"))
        let parameters = try #require(CheckFixtures.error("""
        Parameters:
          P: {Type: String, Default: !Ref Q}
          Q: {Type: String, Default: !Ref P}
        Resources:
          A: {Type: AWS::IAM::Role, Properties: {RoleName: !Ref P, AssumeRolePolicyDocument: {Statement: []}}}
        """))
        #expect(parameters.message.contains("refers to itself") && parameters.path == "$.Parameters.P")
        let mappings = try #require(CheckFixtures.error("""
        Mappings:
          M: {k: {v: !FindInMap [M, k, v]}}
        Resources:
          A: {Type: AWS::IAM::Role, Properties: {RoleName: !FindInMap [M, k, v], AssumeRolePolicyDocument: {Statement: []}}}
        """))
        #expect(mappings.message.contains("refers to itself"))
    }

    /// A parameter repeated by Fn::Sub grows past the limit on resolved strings: it stops there.
    @Test func resolvedStringsAreBounded() throws {
        let yaml = "Parameters:\n  P0: {Type: String, Default: \(String(repeating: "x", count: 4096))}\n"
            + "Resources:\n  A: {Type: AWS::IAM::Role, Properties: {RoleName: !Sub [\"\(String(repeating: "${P0}", count: 300))\", {}], AssumeRolePolicyDocument: {Statement: []}}}\n"
        let error = try #require(CheckFixtures.error(yaml))
        #expect(error.message.contains("grows over"))
    }
}

/// Every node of a template, a plan or a policy swapped for every other kind of value, and a YAML template cut at many places: each
/// variant reads or fails with a message, and what reads is analyzed, never a crash.
@Suite("check: broken templates never crash")
struct CheckMutationTests {
    static let replacements: [JSONValue] = [
        .null, .number("7"), .string("*"), .array([]), .object(JSONObject()),
        .object(JSONObject([("Fn::Sub", .string("${Nope}"))])), .object(JSONObject([("Ref", .array([]))])),
        .object(JSONObject([("Fn::If", .array([.string("NoSuchCondition"), .null, .null]))])),
    ]

    @Test(arguments: ["partner-access.json", "plan.json", "trust-policy.json"])
    func everyNodeReplaced(name: String) throws {
        let original = try JSONParser.parse(try CheckFixtures.bytes(name))
        var read = 0
        for (path, _) in HostileGAAD.paths(original) where !path.isEmpty {
            for replacement in Self.replacements {
                let mutated = HostileGAAD.replacing(path[...], in: original, with: replacement)
                do {
                    let file = try CheckInputReader.read(Array(JSONWriter.write(mutated).utf8), file: "t.json", account: CheckFixtures.prod)
                    _ = CheckEvaluation.run([file], account: CheckFixtures.prod, accountGiven: true)
                    read += 1
                } catch {
                    #expect(error.file == "t.json" && !error.message.isEmpty)
                }
            }
        }
        #expect(read > 0, "variants that still read are analyzed")
    }

    @Test func aYAMLTemplateCutAnywhere() throws {
        let bytes = try CheckFixtures.bytes("partner-access.yaml")
        for end in stride(from: 0, to: bytes.count, by: 23) {
            do {
                let file = try CheckInputReader.read(Array(bytes[..<end]), file: "cut.yaml", account: CheckFixtures.prod)
                _ = CheckEvaluation.run([file], account: CheckFixtures.prod, accountGiven: true)
            } catch {
                #expect(error.file == "cut.yaml")
            }
        }
    }
}
