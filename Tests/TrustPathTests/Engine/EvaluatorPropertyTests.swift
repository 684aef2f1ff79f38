import Foundation
import Testing
import TrustPathAnalysis
import TrustPathEngine
import TrustPathIngest
import TrustPathModel

/// Properties of the evaluator that must hold on any input, checked on generated organizations.
@Suite("Evaluator properties")
struct EvaluatorPropertyTests {
    static let seeds: [UInt64] = Array(1...24)

    /// Adds a clause to every Allow statement of every trust policy.
    func addingCondition(_ clause: String, to world: TestWorld) -> TestWorld {
        var copy = world
        for index in copy.roles.indices {
            copy.roles[index].trust = copy.roles[index].trust.replacingOccurrences(
                of: "\"Effect\": \"Allow\", ", with: "\"Effect\": \"Allow\", \"Condition\": {\(clause)}, ")
        }
        // Statements that already had a Condition now hold two; the later one wins in JSON, so merge instead.
        for index in copy.roles.indices where copy.roles[index].trust.components(separatedBy: "\"Condition\"").count > 2 {
            copy.roles[index].trust = world.roles[index].trust.replacingOccurrences(of: "\"Condition\": {", with: "\"Condition\": {\(clause), ")
        }
        return copy
    }

    @Test(arguments: seeds)
    func addingAConditionToAnAllowNeverOpensAHop(seed: UInt64) {
        let world = RandomWorld.make(seed: seed)
        var random = SeededRandom(seed: seed &* 31)
        let clause = RandomWorld.conditions.randomElement(using: &random) ?? RandomWorld.conditions[0]
        let stricter = addingCondition(clause, to: world)
        let before = HopEvaluator(index: SnapshotIndex(world.snapshot()))
        let after = HopEvaluator(index: SnapshotIndex(stricter.snapshot()))
        let actors: [Actor] = [.anyone, .service("events.amazonaws.com"), .federated(RandomWorld.github)]
            + RandomWorld.outsiders.map { .externalAccount($0) } + world.roles.map { .roleSession($0.arn) }
        for actor in actors {
            for role in world.roles {
                let old = before.evaluate(actor, to: role.arn).state
                let new = after.evaluate(actor, to: role.arn).state
                #expect(new >= old, "\(actor) → \(role.name): \(old) became \(new) after adding \(clause)")
            }
        }
    }

    @Test(arguments: seeds)
    func addingADenyNeverAddsAFinding(seed: UInt64) {
        let world = RandomWorld.make(seed: seed)
        var random = SeededRandom(seed: seed &* 7)
        var denied = world
        let victim = Int.random(in: 0..<world.roles.count, using: &random)
        let clause = RandomWorld.conditions.randomElement(using: &random) ?? RandomWorld.conditions[0]
        let denyStatement = "{\"Effect\": \"Deny\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"sts:AssumeRole\", \"Condition\": {\(clause)}}"
        denied.roles[victim].trust = String(denied.roles[victim].trust.dropLast()) + ", " + denyStatement + "]"
        denied.roles[(victim + 1) % world.roles.count].inline.append(deny("sts:AssumeRole", on: world.roles[victim].arn))
        let before = Set(world.analyze().findings.map(\.id))
        let after = Set(denied.analyze().findings.map(\.id))
        #expect(after.isSubset(of: before), "new findings: \(after.subtracting(before))")
    }

    @Test(arguments: seeds)
    func everyReportedPathIsARealChain(seed: UInt64) {
        let result = RandomWorld.make(seed: seed).analyze(maxPaths: 3)
        let evaluator = HopEvaluator(index: result.index)
        for finding in result.findings {
            for chain in [finding.path] + finding.alternatives {
                #expect(chain.first == finding.entry.id && chain.last == finding.target)
                var actor = finding.entry.actor
                for target in chain.dropFirst() {
                    #expect(evaluator.evaluate(actor, to: target).state != .closed, "\(actor) → \(target) in \(chain)")
                    actor = .roleSession(target)
                }
            }
        }
    }

    @Test(arguments: seeds.prefix(8))
    func resultsDoNotDependOnFileOrder(seed: UInt64) {
        let world = RandomWorld.make(seed: seed)
        var random = SeededRandom(seed: seed)
        let files = world.files()
        let renamed = files.shuffled(using: &random).enumerated().map { ("\(99 - $0.offset)-\($0.element.path)", $0.element.bytes) }
        let first = Analyzer.analyze(SnapshotLoader().load(documents: files)).findings
        let second = Analyzer.analyze(SnapshotLoader().load(documents: renamed)).findings
        #expect(first.map(\.id) == second.map(\.id))
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.severity) == second.map(\.severity))
    }
}
