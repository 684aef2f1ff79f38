import Foundation
import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathHistory
import TrustPathReport
import TrustPathCompare

/// SPEC §5: findings compare by identity (entry, target); unchanged ones report what moved.
@Suite("History: snapshot diff")
struct HistoryDiffTests {
    typealias F = HistoryFixtures

    @Test func splitsFindingsIntoNewResolvedAndUnchanged() {
        let kept = F.finding(to: "Kept")
        let fixed = F.finding(to: "Fixed")
        let added = F.finding(to: "Added", from: Entry(kind: .public, id: "*"), missing: ["aws:PrincipalOrgID"])
        let diff = SnapshotDiff(before: F.report([kept, fixed]), after: F.report([kept, added]))
        #expect(diff.new.map(\.id) == [added.id])
        #expect(diff.resolved.map(\.id) == [fixed.id])
        #expect(diff.unchanged.map(\.id) == [kept.id])
        #expect(diff.changes.isEmpty)
        #expect(diff.summary.new == 1 && diff.summary.resolved == 1 && diff.summary.unchanged == 1 && diff.summary.changed == 0)
    }

    @Test func sameTargetFromAnotherEntryIsANewFinding() {
        let before = F.finding(to: "Shared")
        let after = F.finding(to: "Shared", from: Entry(kind: .externalAccount, id: "222233334444"))
        let diff = SnapshotDiff(before: F.report([before]), after: F.report([after]))
        #expect(diff.new.map(\.id) == [after.id])
        #expect(diff.resolved.map(\.id) == [before.id])
        #expect(diff.unchanged.isEmpty)
    }

    @Test func severityChangeIsReportedWithDirection() throws {
        let before = F.finding(to: "LegacyAuditReader", severity: .medium)
        let after = F.finding(to: "LegacyAuditReader", severity: .critical)
        let diff = SnapshotDiff(before: F.report([before]), after: F.report([after]))
        #expect(diff.new.isEmpty && diff.resolved.isEmpty)
        let change = try #require(diff.change(for: after.id))
        #expect(change.severity == ValueChange(from: .medium, to: .critical))
        #expect(change.worsened)
        #expect(change.path == nil && change.state == nil && change.targetRecreated == nil)
        #expect(diff.summary.worsened == 1 && diff.summary.improved == 0)
        #expect(DiffTextReporter.render(diff).contains("severity medium → critical (worse)"))
    }

    @Test func pathChangeIsReportedWithBothChains() throws {
        let before = F.finding(to: "Admin", through: ["Hop1", "Hop2"])
        let after = F.finding(to: "Admin", through: ["Hop3"])
        let diff = SnapshotDiff(before: F.report([before]), after: F.report([after]))
        let change = try #require(diff.change(for: after.id))
        #expect(change.path?.from == before.path)
        #expect(change.path?.to == after.path)
        #expect(change.severity == nil)
        let text = DiffTextReporter.render(diff)
        #expect(text.contains("path now external account \(F.outsider) → Hop3 (member 111111111111) → Admin"))
        #expect(text.contains("was external account \(F.outsider) → Hop1"))
    }

    @Test func recreatedTargetRoleIsFlagged() throws {
        let before = F.finding(to: "Deploy", roleID: "AROAOLDOLDOLDOLD")
        let after = F.finding(to: "Deploy", roleID: "AROANEWNEWNEWNEW")
        let diff = SnapshotDiff(before: F.report([before]), after: F.report([after]))
        #expect(diff.unchanged.map(\.id) == [after.id])
        let change = try #require(diff.change(for: after.id))
        #expect(change.targetRecreated == ValueChange(from: "AROAOLDOLDOLDOLD", to: "AROANEWNEWNEWNEW"))
        #expect(diff.summary.recreatedTargets == 1)
        #expect(DiffTextReporter.render(diff).contains("deleted and recreated"))
    }

    @Test func stateAndGuardChangesAreReportedPerHop() throws {
        let before = F.finding(to: "Vendor", state: .open, missing: ["sts:ExternalId"], weak: [])
        let after = F.finding(to: "Vendor", state: .conditional, missing: [], present: ["aws:SourceIp"],
                              weak: ["sts:ExternalId (StringLike *)"])
        let diff = SnapshotDiff(before: F.report([before]), after: F.report([after]))
        let change = try #require(diff.change(for: after.id))
        #expect(change.state == ValueChange(from: .open, to: .conditional))
        let guards = try #require(change.guards.first)
        #expect(guards.role == after.target)
        #expect(guards.added == ["aws:SourceIp"])
        #expect(guards.noLongerMissing == ["sts:ExternalId"])
        #expect(guards.nowWeak == ["sts:ExternalId (StringLike *)"])
    }

    @Test func identicalReportsHaveNoDifferences() {
        let findings = [F.finding(to: "A"), F.finding(to: "B", severity: .low)]
        let diff = SnapshotDiff(before: F.report(findings), after: F.report(findings))
        #expect(diff.new.isEmpty && diff.resolved.isEmpty && diff.changes.isEmpty)
        #expect(diff.unchanged.count == 2)
        #expect(DiffTextReporter.render(diff).contains("No differences in doors or pairs."))
    }

    @Test func edgesTellNewHopsFromResolvedOnes() {
        let before = F.finding(to: "Admin", through: ["Old"])
        let after = F.finding(to: "Admin", through: ["New"])
        let diff = SnapshotDiff(before: F.report([before]), after: F.report([after]))
        let status = Dictionary(diff.edges.map { ("\($0.from)->\($0.to)", $0.status) }, uniquingKeysWith: { a, _ in a })
        #expect(status["\(F.outsider)->\(F.roleARN("Old"))"] == .resolved)
        #expect(status["\(F.outsider)->\(F.roleARN("New"))"] == .new)
        #expect(status["\(F.roleARN("New"))->\(F.roleARN("Admin"))"] == .new)
        #expect(diff.entries.map(\.status) == [.unchanged])
    }

    @Test func jsonHasTheThreeArraysInTheAnalyzeSchema() throws {
        let diff = SnapshotDiff(before: F.report([F.finding(to: "A")]), after: F.report([F.finding(to: "B")]))
        let json = try DiffFormat.json.render(diff)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == SnapshotDiff.currentSchemaVersion)
        for key in ["new", "resolved", "unchanged", "changes"] { #expect(object[key] is [Any], "missing \(key)") }
        // Each finding decodes as the analyze schema's Finding, and the whole diff round-trips.
        let decoded = try JSONDecoder().decode(SnapshotDiff.self, from: Data(json.utf8))
        #expect(decoded == diff)
        #expect(decoded.new.first?.target == F.roleARN("B"))
    }

    @Test func markdownEscapesInputText() {
        let sneaky = F.finding(to: "A|B<script>")
        let diff = SnapshotDiff(before: F.report([]), after: F.report([sneaky]))
        let markdown = DiffMarkdownReporter.render(diff)
        #expect(markdown.contains("A\\|B&lt;script&gt;"))
        #expect(!markdown.contains("<script>"))
    }
}
