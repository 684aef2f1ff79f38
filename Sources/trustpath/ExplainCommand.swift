import ArgumentParser
import TrustPathEscaping
import TrustPathPipeline
import TrustPathAnalysis
import TrustPathEngine
import TrustPathReport

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the verdict for one hop, or the best chain, with every reason.",
        discussion: """
        --from takes an entry as reports name it ('*' for the public, a 12-digit account id, a known vendor's name, \
        a service name such as events.amazonaws.com, an OIDC issuer) or a role ARN or name (a session of that role). \
        An unknown name exits 2 and lists the closest ones.
        Examples:
          trustpath explain Inputs/acme-2026-10 --from 307946673750 --to arn:aws:iam::401135408972:role/STS-Assume-S3-Read-Only-MGMT
          trustpath explain Inputs/acme-2026-10 --from arn:aws:iam::381491851702:role/ci-deployer --to arn:aws:iam::520388146927:role/OrgDeployAdmin
        """
    )

    @Argument(help: "The snapshot directory.") var directory: String
    @Option(help: "Who acts: *, an account id, a service name, a provider ARN, or a role ARN.") var from: String
    @Option(help: "The role ARN to reach.") var to: String
    @OptionGroup var project: ProjectFileOption

    func run() throws {
        let input = try SnapshotInput.load(directory, config: project.config)
        let pipeline = Pipeline.run(input, options: PipelineOptions(stages: []))
        let result = pipeline.analysis
        let actor = try ExplainLookup.actor(from, entries: result.entries, index: result.index)
        let to = try ExplainLookup.role(self.to, index: result.index)
        let evaluator = HopEvaluator(index: result.index)
        let direct = evaluator.evaluate(actor, to: to)
        var lines = ["Direct hop: \(Escape.terminal("\(actor)")) → \(Escape.terminal(to)): \(direct.state.rawValue)"]
        lines += direct.reasons.map { "  - " + Escape.terminal($0) }
        if direct.state != .closed {
            lines += HopExplanation.details(direct, index: result.index)
        }
        if let finding = result.findings.first(where: { $0.entry.actor == actor && $0.target == to }) {
            let names = DisplayNames(pipeline.report)
            lines.append("")
            lines.append("Best chain (\(finding.state.rawValue), severity \(finding.severity.rawValue)): \(Escape.terminal(names.path(finding)))")
            for hop in finding.hops {
                let verdict = evaluator.evaluate(Self.actor(hop.from, index: result.index), to: hop.to)
                lines.append("  \(Escape.terminal(hop.from)) → \(Escape.terminal(hop.to)): \(verdict.state.rawValue)")
                lines += verdict.reasons.map { "    - " + Escape.terminal($0) }
                lines += HopExplanation.details(verdict, index: result.index).map { "  " + $0 }
            }
        } else if direct.state == .closed {
            lines.append("")
            lines.append("No chain from \(Escape.terminal("\(actor)")) reaches \(Escape.terminal(to)).")
        }
        if !actor.chainsOnward {
            lines.append("Services do not chain: the service acts with a role for its own purpose and whoever steers it never "
                + "holds the session, so a service entry reaches only the roles that trust it directly.")
        }
        print(lines.joined(separator: "\n"))
    }

    static func actor(_ text: String, index: SnapshotIndex) -> Actor {
        if text == "*" { return .anyone }
        if index.rolesByARN[text] != nil { return .roleSession(text) }
        if text.count == 12, text.allSatisfy(\.isNumber) { return .externalAccount(text) }
        if text.hasPrefix("arn:") { return text.contains(":role/") ? .roleSession(text) : .federated(text) }
        if text.contains(".amazonaws.com") && text != "cognito-identity.amazonaws.com" { return .service(text.lowercased()) }
        return .federated(text)
    }
}

enum HopExplanation {
    static func details(_ verdict: HopVerdict, index: SnapshotIndex) -> [String] {
        var lines: [String] = []
        if let statement = verdict.trustStatement {
            lines.append("  trust statement: \(Escape.terminal(statement.file)) \(Escape.terminal(statement.jsonPath))")
            if let role = index.rolesByARN[verdict.target],
               let trust = role.trustPolicy?.statements.first(where: { $0.index == statement.index }) {
                let chained: Bool = if case .roleSession = verdict.actor { true } else { false }
                lines.append("  session: " + Escape.terminal(SessionFacts(statement: trust, role: role, chained: chained).summary))
            }
        }
        if verdict.identityRequired, let identity = verdict.identityStatement {
            lines.append("  identity statement: \(Escape.terminal(identity.owner)) #\(identity.index) in \(Escape.terminal(identity.file))")
        }
        if !verdict.guardsPresent.isEmpty { lines.append("  guards present: " + Escape.terminal(verdict.guardsPresent.joined(separator: ", "))) }
        if !verdict.guardsMissing.isEmpty { lines.append("  guards missing: " + Escape.terminal(verdict.guardsMissing.joined(separator: ", "))) }
        if !verdict.weakGuards.isEmpty { lines.append("  weak guards: " + Escape.terminal(verdict.weakGuards.joined(separator: ", "))) }
        if !verdict.restsOn.isEmpty { lines.append("  rests on: " + Escape.terminal(verdict.restsOn.joined(separator: " and "))) }
        return lines
    }
}
