import Foundation
import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathEscaping
import TrustPathIngest
import TrustPathJSON
import TrustPathModel
@testable import TrustPathRemediation
@testable import TrustPathReport

/// The shortcuts taken for speed at scale give the same answers as the long way.
@Suite("Scale: fast paths")
struct FastPathTests {
    @Test func locatorFindsSeveralPathsNestedOnesAndTheFirstOfARepeatedKey() throws {
        let text = #"{"a": {"b": [1, {"c": "x"}], "b": 9}, "d": [true, null]}"#
        let bytes = Array(text.utf8)
        func path(_ components: JSONPath.Component...) -> JSONPath { JSONPath(components) }
        let wanted = [path(.key("a")), path(.key("a"), .key("b"), .index(1), .key("c")), path(.key("d"), .index(1)),
                      path(.key("nowhere"))]
        let ranges = JSONLocator.ranges(of: wanted, in: bytes)
        func slice(_ path: JSONPath) -> String? { ranges[path].map { String(decoding: bytes[$0], as: UTF8.self) } }
        #expect(slice(wanted[0]) == #"{"b": [1, {"c": "x"}], "b": 9}"#)
        #expect(slice(wanted[1]) == #""x""#)
        #expect(slice(wanted[2]) == "null")
        #expect(slice(wanted[3]) == nil)
        #expect(slice(path(.key("a"), .key("b"))) == nil, "not asked for")
        #expect(JSONLocator.range(of: path(.key("a"), .key("b")), in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
                == "[1, {\"c\": \"x\"}]")
    }

    /// A value is found when the input is valid up to its end, whatever follows (the walk stops once every path
    /// is found, which no result shows: that is measured by the benchmark). Invalid input before a value hides it.
    @Test func locatorGivesValuesBeforeInvalidInput() {
        let wanted = JSONPath([.key("Roles"), .index(0)])
        let truncated = Array(#"{"Roles": [{"n": 1}, {"n": 2}], "Policies": [{"broken"#.utf8)
        #expect(JSONLocator.range(of: wanted, in: truncated) == 11..<19)
        let brokenBefore = Array(#"{"Users": [}, "Roles": [{"n": 1}]}"#.utf8)
        #expect(JSONLocator.range(of: wanted, in: brokenBefore) == nil)
        // A path still missing keeps the walk going to the end, and an invalid end then hides nothing found.
        let both = [wanted, JSONPath([.key("Missing")])]
        #expect(JSONLocator.ranges(of: both, in: truncated)[wanted] == 11..<19)
    }

    /// Every role's trust policy located in a generated export is the value the parser reads at that path.
    @Test func locatedTrustPoliciesAreTheParsedValues() throws {
        let snapshot = SnapshotLoader().load(documents: ScaleFixtures.documents.map { ($0.path, $0.bytes) })
        let byPath = Dictionary(ScaleFixtures.documents.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        var checked = 0
        for (file, roles) in Dictionary(grouping: snapshot.accounts.values.flatMap(\.roles), by: \.trustLocation.file) {
            let bytes = try #require(byPath[file])
            let whole = try JSONParser.parse(bytes)
            let paths = roles.compactMap { JSONPath(parsing: $0.trustLocation.jsonPath) }
            let ranges = JSONLocator.ranges(of: paths, in: bytes)
            for path in paths {
                let range = try #require(ranges[path], "\(file) \(path)")
                #expect(try JSONParser.parse(Array(bytes[range])) == whole[path: path])
                checked += 1
            }
        }
        #expect(checked == ScaleFixtures.shape.accounts * ScaleFixtures.shape.rolesPerAccount)
    }

    /// The choke-point solver asks only whether a statement can be fixed; the answer is the planner's.
    @Test func canFixAgreesWithThePlannerOnEveryStatement() throws {
        let result = Analyzer.analyze(SnapshotLoader().load(documents: ScaleFixtures.documents.map { ($0.path, $0.bytes) }))
        let planner = FixPlanner(index: result.index)
        let edges = AttackEdges(result)
        var actorsThrough: [StatementReference: [Actor]] = [:]
        for edge in edges.edges { for statement in edge.statements { actorsThrough[statement, default: []].append(edge.actor) } }
        #expect(!actorsThrough.isEmpty)
        for (statement, actors) in actorsThrough {
            #expect(planner.canFix(statement) == (planner.fix(for: statement, closing: actors) != nil), "\(statement)")
        }
        let serviceLinked = try #require(result.index.rolesByARN.values.first { $0.isServiceLinked && $0.trustPolicy != nil })
        let reference = StatementReference(file: serviceLinked.trustLocation.file, jsonPath: serviceLinked.trustLocation.jsonPath,
                                           owner: serviceLinked.arn, index: 0, sid: nil)
        #expect(!planner.canFix(reference))
        #expect(planner.fix(for: reference, closing: [.anyone]) == nil)
    }

    @Test(arguments: [0, 1, 2, 3, 4, 7, 12, 13, 100, 1_000])
    func parallelTextReadsAsTextRenderedInOrder(count: Int) {
        let items = Array(0..<count)
        let render: @Sendable (Int) -> [String] = { item in item % 3 == 0 ? [] : ["item \(item)", "  detail \(item)"] }
        let parallel = ParallelSlices.lines(items, sliceSize: 3, render: render).filter { !$0.isEmpty }.joined(separator: "\n")
        #expect(parallel == items.flatMap(render).joined(separator: "\n"))
    }

    @Test(arguments: ["plain ascii", "", "tab\there", "esc \u{1B}[31m", "del \u{7F}", "c1 \u{9B}31m", "line\u{2028}sep",
                      "para\u{2029}", "é and 中文 and \u{2026}", "\u{2030} per mille", "\u{00A0}nbsp \u{00C2}", "nul \u{0}"])
    func terminalEscapingMatchesTheScalarRule(text: String) {
        var expected = ""
        for scalar in text.unicodeScalars {
            let unsafe = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
            expected += unsafe ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        #expect(Escape.terminal(text) == expected)
    }

    @Test func pathKeysArePlainOnlyWhenLettersDigitsOrUnderscore() {
        let path = JSONPath([.key("RoleDetailList"), .index(3), .key("é_1"), .key("a-b"), .key("中文"), .key(""), .key("q\"")])
        #expect(path.description == #"$.RoleDetailList[3].é_1["a-b"].中文[""]["q\""]"#)
    }

    /// The rank sort on precomputed keys is the comparator's order, ties in their given order.
    @Test func rankSortMatchesTheComparator() throws {
        let result = Analyzer.analyze(SnapshotLoader().load(documents: ScaleFixtures.documents.map { ($0.path, $0.bytes) }))
        let shuffled = result.findings.reversed() + result.findings.prefix(5)
        #expect(shuffled.count > 8)
        let sorted = Finding.sortedByRank(Array(shuffled))
        #expect(sorted.map(\.id) == Array(shuffled).sorted(by: Finding.ranked).map(\.id))
        // In place, along the order's cycles: orders of many cycle shapes, each with repeats.
        for seed in 0..<20 {
            var random = SeededRandom(seed: UInt64(seed))
            var ranked = (result.findings + result.findings.prefix(seed % 7)).shuffled(using: &random)
            let expected = ranked.sorted(by: Finding.ranked).map(\.id)
            Finding.sortByRank(&ranked)
            #expect(ranked.map(\.id) == expected)
        }
    }

    /// Many findings of one entry and rank (told apart by target only), entries whose ids sort apart from their kinds,
    /// and repeats: the packed keys give the comparator's order.
    @Test func rankSortOrdersTiesByEntryThenTarget() throws {
        let result = Analyzer.analyze(SnapshotLoader().load(documents: ScaleFixtures.documents.map { ($0.path, $0.bytes) }))
        let template = try #require(result.findings.first)
        let entries = [Entry(kind: .externalAccount, id: "999999999999", name: nil), Entry(kind: .public, id: "*"),
                       Entry(kind: .externalAccount, id: "111111111111", name: "Vendor"),
                       Entry(kind: .service, id: "ec2.amazonaws.com"), Entry(kind: .federated, id: "token.actions.githubusercontent.com")]
        var random = SeededRandom(seed: 3)
        var findings = (0..<600).map { _ -> Finding in
            var finding = template
            finding.entry = entries[Int.random(in: 0..<entries.count, using: &random)]
            finding.target = "arn:aws:iam::\(Int.random(in: 100_000_000_000...100_000_000_009, using: &random)):role/R\(Int.random(in: 0..<40, using: &random))"
            finding.severity = Severity.allCases[Int.random(in: 0..<2, using: &random)]
            finding.path = [finding.entry.id] + Array(repeating: "x", count: Int.random(in: 1...2, using: &random))
            finding.id = Finding.identity(entry: finding.entry, target: finding.target)
            return finding
        }
        let expected = findings.enumerated().sorted { left, right in
            Finding.ranked(left.element, right.element) || (!Finding.ranked(right.element, left.element) && left.offset < right.offset)
        }.map(\.element.id)
        Finding.sortByRank(&findings)
        #expect(findings.map(\.id) == expected)
    }

    /// A role is a value: changing a copy leaves the original as it was, and equal roles hash alike.
    @Test func roleCopiesAreIndependentValues() throws {
        let snapshot = SnapshotLoader().load(documents: ScaleFixtures.documents.map { ($0.path, $0.bytes) })
        let original = try #require(snapshot.accounts.values.flatMap(\.roles).first { !$0.tags.isEmpty || $0.trustPolicy != nil })
        var copy = original
        #expect(copy == original)
        #expect(copy.hashValue == original.hashValue)
        copy.name = "renamed"
        copy.tags["team"] = "changed"
        #expect(original.name != "renamed")
        #expect(original.tags["team"] != "changed")
        #expect(copy != original)
        var rebuilt = copy
        rebuilt.name = original.name
        rebuilt.tags = original.tags
        #expect(rebuilt == original, "equal by fields, not by storage")
        #expect(rebuilt.hashValue == original.hashValue)
        let decoded = try JSONDecoder().decode(Role.self, from: JSONEncoder().encode(original))
        #expect(decoded == original)
    }

    /// Roles are numbered in ARN order, sorted account by account; an export whose roles carry another account's ARNs
    /// (so two accounts' ARNs interleave) is still numbered in ARN order.
    @Test(arguments: [false, true])
    func rolesAreNumberedInARNOrder(interleaved: Bool) {
        let location = SourceLocation(file: "f.json", jsonPath: "$")
        var generator = SystemRandomNumberGenerator()
        var accounts: [String: AccountData] = [:]
        for account in ["222222222222", "111111111111", "333333333333"] {
            let roles = (0..<40).map { number -> Role in
                // Interleaved: half the roles of 222… claim account 111… in their ARN, named to fall between its own.
                let arnAccount = interleaved && account == "222222222222" && number.isMultiple(of: 2) ? "111111111111" : account
                let name = "r\(Int.random(in: 0..<1_000_000, using: &generator))-\(account)-\(number)"
                return Role(arn: "arn:aws:iam::\(arnAccount):role/\(name)", name: name, path: "/", roleID: "AROA\(number)",
                            account: account, partition: "aws", trustPolicy: nil, location: location)
            }
            accounts[account] = AccountData(id: account, roles: roles)
        }
        let index = SnapshotIndex(Snapshot(directory: "d", accounts: accounts))
        #expect(index.targetGroups.roleARNs == accounts.values.flatMap(\.roles).map(\.arn).sorted())
        #expect(index.targetGroups.roleARNs.count == 120)
        for (number, arn) in index.targetGroups.roleARNs.enumerated() { #expect(index.targetGroups.roleNumbers[arn] == number) }
    }

    /// Reading only the start of each file (and the whole one when a value is not complete in it) gives the
    /// same edits and lines as reading every file whole, whatever the size of the start.
    @Test(arguments: [0, 10, 50, 90, 100, 200])
    func partialReadsGiveTheSamePositions(percent: Int) throws {
        let directory = try ScaleFixtures.writeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = Analyzer.analyze(SnapshotLoader().load(documents: ScaleFixtures.documents.map { ($0.path, $0.bytes) }))
        let byPath = Dictionary(ScaleFixtures.documents.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let plan = RemediationPlan.make(result)
        let wholeSources = SourcePositions.locate(plan, index: result.index) { byPath[$0] }
        let partialSources = SourcePositions.locate(plan, index: result.index, directory: directory.path) { $0 * percent / 100 }
        let whole = wholeSources.applied(to: plan)
        let partial = partialSources.applied(to: plan)
        #expect(whole.doorFixes.values.contains { $0.edit != nil })
        #expect(result.doors.allSatisfy { wholeSources.region(of: $0.statement, index: result.index) != nil })
        #expect(partial.doorFixes.mapValues(\.edit) == whole.doorFixes.mapValues(\.edit))
        #expect(partialSources.regions == wholeSources.regions)
        #expect(partial.rankedFixes.map(\.fix.edit) == whole.rankedFixes.map(\.fix.edit))
    }
}
