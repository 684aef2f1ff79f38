import Testing
import TrustPathJSON
import TrustPathSynthetic

/// Reading only the default policy versions keeps every default document and fails exactly as a full parse.
@Suite("Scale: default policy versions only")
struct PolicyVersionSkippingTests {
    static let gaad = ScaleFixtures.documents.first { $0.path.hasPrefix("gaad-") }?.bytes ?? []

    @Test func defaultDocumentsAreKeptAndOthersLeftOut() throws {
        let full = try JSONParser.parse(Self.gaad)
        let skipped = try JSONParser.parse(Self.gaad, onlyDefaultPolicyVersions: true)
        guard case .array(let fullPolicies)? = full["Policies"], case .array(let skippedPolicies)? = skipped["Policies"] else {
            Issue.record("no Policies list")
            return
        }
        #expect(fullPolicies.count == skippedPolicies.count)
        var defaults = 0
        for (policy, kept) in zip(fullPolicies, skippedPolicies) {
            guard case .array(let versions)? = policy["PolicyVersionList"],
                  case .array(let keptVersions)? = kept["PolicyVersionList"] else { continue }
            for (version, keptVersion) in zip(versions, keptVersions) {
                if version["IsDefaultVersion"] == .bool(true) {
                    #expect(keptVersion == version)
                    defaults += 1
                } else {
                    #expect(keptVersion["Document"] == nil)
                    #expect(keptVersion["VersionId"] == version["VersionId"])
                }
            }
        }
        #expect(defaults == fullPolicies.count)
        // Roles and users are untouched.
        #expect(skipped["RoleDetailList"] == full["RoleDetailList"])
        #expect(skipped["UserDetailList"] == full["UserDetailList"])
    }

    @Test func theDefaultVersionIdNamesTheDefaultWhenNoVersionIsFlagged() throws {
        let text = """
        {"Policies": [{"Arn": "arn:aws:iam::111111111111:policy/p", "PolicyVersionList": [
          {"Document": {"Statement": []}, "VersionId": "v1", "IsDefaultVersion": false},
          {"Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]},
           "VersionId": "v2"}], "DefaultVersionId": "v2"}]}
        """
        let full = try JSONParser.parse(text)
        let skipped = try JSONParser.parse(Array(text.utf8), onlyDefaultPolicyVersions: true)
        guard case .array(let policies)? = skipped["Policies"], case .array(let versions)? = policies.first?["PolicyVersionList"],
              case .array(let fullPolicies)? = full["Policies"],
              case .array(let fullVersions)? = fullPolicies.first?["PolicyVersionList"] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(versions[0]["Document"] == nil)
        #expect(versions[1]["Document"] == fullVersions[1]["Document"])
    }

    @Test(arguments: [
        #"{"Statement": [{"Effect": "Allow", "Action": "s3:*" "Resource": "*"}]}"#,
        #"{"Statement": [{"Effect": "Allow", "Action": "s3:\q"}]}"#,
        #"{"Statement": [{"Effect": "Allow", "Action": ["s3:*", tru]}]}"#,
        #"{"Statement": [{"Effect": "Allow", "Action": "s3:\u12G4"}]}"#,
        #"{"Statement": [{"Effect": "Allow", "Action": "s3:*"}"#,
        #"{"Statement": [{"Effect": "Allow", "Action": 01}]}"#,
    ])
    func brokenOldVersionsFailAsInAFullParse(document: String) {
        let text = """
        {"Policies": [{"DefaultVersionId": "v2", "PolicyVersionList": [
          {"Document": \(document), "VersionId": "v1", "IsDefaultVersion": false},
          {"Document": {"Statement": []}, "VersionId": "v2", "IsDefaultVersion": true}]}]}
        """
        let bytes = Array(text.utf8)
        Self.expectSameFailure(bytes)
    }

    @Test func invalidUTF8InAnOldVersionFailsAsInAFullParse() {
        var bytes = Array(#"{"Policies": [{"PolicyVersionList": [{"Document": {"Sid": "x"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""}, "VersionId": "v1"}]}]}"#.utf8)
        Self.expectSameFailure(bytes)
    }

    /// Both parses fail, and with the same message (position and path included).
    static func expectSameFailure(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        var fullError: JSONParseError?
        var skippedError: JSONParseError?
        do { _ = try JSONParser.parse(bytes) } catch { fullError = error }
        do { _ = try JSONParser.parse(bytes, onlyDefaultPolicyVersions: true) } catch { skippedError = error }
        #expect(fullError != nil, sourceLocation: sourceLocation)
        #expect(fullError?.description == skippedError?.description, sourceLocation: sourceLocation)
    }
}
