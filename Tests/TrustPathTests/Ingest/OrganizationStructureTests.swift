import Testing
@testable import TrustPathIngest
import TrustPathModel

/// OU data in the agreed format, classified by content, and two exports of one account stopping the load.
@Suite("Organization structure and conflicting exports")
struct OrganizationStructureTests {
    static func load(_ files: [(String, String)]) -> Snapshot {
        SnapshotLoader().load(documents: files.map { ($0.0, Array($0.1.utf8)) })
    }

    static let roots = #"{"Roots": [{"Id": "r-ab12", "Arn": "arn:aws:organizations::100000000000:root/o-zz99zz99zz/r-ab12", "Name": "Root"}]}"#
    static let ous = #"{"ParentId": "r-ab12", "OrganizationalUnits": [{"Id": "ou-ab12-aaaaaaaa", "Name": "A"}]}"#
    static let nested = #"{"ParentId": "ou-ab12-aaaaaaaa", "OrganizationalUnits": [{"Id": "ou-ab12-bbbbbbbb", "Name": "B"}]}"#
    static let parent = #"{"ChildId": "111111111111", "Parents": [{"Id": "ou-ab12-bbbbbbbb", "Type": "ORGANIZATIONAL_UNIT"}]}"#

    @Test func nestedOUsGiveTheFullPathWithTheOrganizationFromTheRootARN() {
        // File names say nothing: the content decides.
        let snapshot = Self.load([("x1.json", Self.parent), ("x2.json", Self.nested), ("x3.json", Self.ous), ("x4.json", Self.roots)])
        #expect(snapshot.organization?.id == "o-zz99zz99zz")
        #expect(snapshot.organization?.paths(of: "111111111111") == ["o-zz99zz99zz/r-ab12/ou-ab12-aaaaaaaa/ou-ab12-bbbbbbbb/"])
        #expect(snapshot.files.allSatisfy { $0.kind == .organizationStructure })
    }

    @Test func aBrokenChainGivesNoPath() {
        let snapshot = Self.load([("p.json", Self.parent), ("o.json", Self.ous), ("r.json", Self.roots)])
        #expect(snapshot.organization?.paths(of: "111111111111") == [], "ou-ab12-bbbbbbbb's parent is unknown")
    }

    @Test func outputsWithoutTheAddedIdAreSkippedWithTheReason() {
        let snapshot = Self.load([("o.json", #"{"OrganizationalUnits": [{"Id": "ou-ab12-aaaaaaaa"}]}"#),
                                  ("p.json", #"{"Parents": [{"Id": "r-ab12", "Type": "ROOT"}]}"#)])
        #expect(snapshot.files.map(\.kind) == [.skipped, .skipped])
        #expect(snapshot.files[0].detail.contains("ParentId") && snapshot.files[1].detail.contains("ChildId"))
    }

    static func gaad(_ trust: String, roleID: String = "AROA1") -> String {
        """
        {"RoleDetailList": [{"RoleName": "A", "RoleId": "\(roleID)", "Arn": "arn:aws:iam::111111111111:role/A",
          "AssumeRolePolicyDocument": {"Statement": [\(trust)]}}]}
        """
    }

    static let open = #"{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}"#
    static let closed = #"{"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "sts:AssumeRole"}"#

    @Test func twoExportsOfOneAccountStopTheLoadNamingBothFiles() {
        let documents = [("2026-10/gaad.json", Array(Self.gaad(Self.open).utf8)), ("2026-11/gaad.json", Array(Self.gaad(Self.closed).utf8))]
        #expect(throws: IngestError.conflictingExports(directory: "(memory)", entity: "role arn:aws:iam::111111111111:role/A",
                                                        firstFile: "2026-10/gaad.json", secondFile: "2026-11/gaad.json")) {
            try SnapshotLoader().checkedLoad(documents: documents)
        }
        let error = IngestError.conflictingExports(directory: "d", entity: "role x", firstFile: "a.json", secondFile: "b.json")
        #expect(error.description.contains("a.json") && error.description.contains("b.json")
            && error.description.contains("one snapshot"))
        // The same role recreated (another RoleId) is another export too.
        #expect(throws: IngestError.self) {
            try SnapshotLoader().checkedLoad(documents: [("a.json", Array(Self.gaad(Self.open).utf8)),
                                                         ("b.json", Array(Self.gaad(Self.open, roleID: "AROA2").utf8))])
        }
    }

    @Test func identicalCopiesAndPagesAreNoConflict() throws {
        let page1 = Self.gaad(Self.open)
        let page2 = #"{"RoleDetailList": [{"RoleName": "B", "Arn": "arn:aws:iam::111111111111:role/B", "AssumeRolePolicyDocument": {"Statement": []}}]}"#
        let snapshot = try SnapshotLoader().checkedLoad(documents: [("a.json", Array(page1.utf8)), ("b.json", Array(page1.utf8)),
                                                                    ("c.json", Array(page2.utf8))])
        #expect(snapshot.allRoles.map(\.name) == ["A", "B"])
        #expect(!snapshot.diagnostics.contains { $0.severity == .error })
    }
}
