import Testing
import TrustPathEngine
import TrustPathAnalysis
import TrustPathAnalysis
@testable import TrustPathReport
import TrustPathEscaping

/// The pull-request report: a Mermaid diagram whose labels cannot break out, and a size GitHub accepts.
@Suite("Markdown for pull requests")
struct MarkdownReportTests {
    @Test func mermaidLabelsEscapeEverythingThatCouldEndThem() {
        let escaped = Escape.mermaidLabel("a\"b]c[d|e`f<g>h#i;j\nk{l}")
        for forbidden in ["\"", "]", "[", "|", "`", "<", ">", "\n", "{", "}"] {
            #expect(!escaped.contains(forbidden), "\(forbidden) in \(escaped)")
        }
        #expect(escaped.contains("#34;") && escaped.contains("#93;") && escaped.contains("#96;"))
        #expect(Escape.mermaidLabel("ci-deployer (poc 381491851702)") == "ci-deployer (poc 381491851702)")
    }

    @Test func theDemoDrawsItsCriticalPaths() throws {
        let markdown = MarkdownReporter.render(try Demo.report(Demo.october))
        #expect(markdown.contains("```mermaid\nflowchart LR\n"))
        #expect(markdown.contains("vendor MonitoringCo 283745091623"))
        #expect(markdown.contains("-->|\"lacks sts:ExternalId\"|"))
    }

    @Test func aLongReportIsCutToTheLimitAndSaysHowManyWereLeftOut() throws {
        var report = try Demo.report(Demo.november)
        let one = report.findings[0]
        report.findings = (0..<2_000).map { position in
            var copy = one
            copy.target = one.target + "-\(position)"
            copy.path[copy.path.count - 1] = copy.target
            return copy
        }
        let door = report.doors[0]
        report.doors = (0..<2_000).map { position in
            var copy = door
            copy.id = door.id + "-\(position)"
            copy.role = door.role + "-\(position)"
            return copy
        }
        let full = MarkdownReporter.render(report, limit: .max)
        #expect(full.count > MarkdownReporter.commentLimit)
        let capped = MarkdownReporter.render(report)
        #expect(capped.count <= MarkdownReporter.commentLimit)
        #expect(capped.contains("lower-ranked door(s) left out to fit a pull-request comment"))
        #expect(capped.contains("more critical path(s) not drawn"))
    }

    @Test func aShortReportIsNotCut() throws {
        let markdown = MarkdownReporter.render(try Demo.report(Demo.october))
        #expect(!markdown.contains("left out"))
    }
}

/// The Mermaid edge label names each weak guard by its own key: a weak OIDC subject is not a weak ExternalId.
@Suite("Markdown: Mermaid labels")
struct MermaidLabelTests {
    static func hop(_ guards: [Guard]) -> Hop {
        var verdict = HopVerdict(actor: .federated("token.actions.githubusercontent.com"),
                                 target: "arn:aws:iam::111122223333:role/ci", state: .open)
        verdict.setGuards(guards)
        return Hop(verdict)
    }

    @Test func aWeakSubjectIsLabelledAsItself() {
        let sub = "token.actions.githubusercontent.com:sub"
        let label = MermaidDiagram.label(Self.hop([
            Guard(key: sub, kind: .tenantClaim, pins: ["repo:*"], strength: .weak, summary: "StringLike \(sub) \"repo:*\""),
            Guard(key: sub, kind: .tenantClaim, pins: [], strength: .missing, summary: "\(sub) is not pinned"),
        ]))
        #expect(label == "weak \(sub)")
        #expect(!label.contains("ExternalId"))
    }

    @Test func missingAndWeakGuardsAreSaidApart() {
        let label = MermaidDiagram.label(Self.hop([
            Guard(key: "aws:PrincipalOrgID", kind: .orgID, pins: [], strength: .missing, summary: "no org guard"),
            Guard(key: "sts:ExternalId", kind: .externalID, pins: ["*"], strength: .weak, summary: "StringLike sts:ExternalId \"*\""),
        ]))
        #expect(label == "lacks aws:PrincipalOrgID; weak sts:ExternalId")
    }
}
