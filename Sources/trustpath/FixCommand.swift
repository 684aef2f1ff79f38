import ArgumentParser
import Foundation
import TrustPathEscaping
import TrustPathPipeline
import TrustPathAnalysis
import TrustPathRemediation
import TrustPathReport

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Write patched trust policies, the commands that apply them, and a fixed copy of the snapshot.",
        discussion: """
        By default applies the choke points: a minimum set of trust-statement fixes that removes every finding at or \
        above --severity (critical). With --all, applies the fix of every door instead.
        Writes into --out: trust-policies/ACCOUNT-ROLE.json (one per role), apply-fixes.sh, rollback-fixes.sh, \
        fixes.json, and snapshot/ (the input with the fixes applied, ready for `trustpath analyze`).
        apply-fixes.sh [ACCOUNT...] refuses while a placeholder such as REPLACE-WITH-EXTERNAL-ID-ISSUED-BY-THE-VENDOR \
        is left in a policy it would apply, checks per account that `aws sts get-caller-identity` is that account, \
        and saves each role's current trust policy under backup/ before changing it; rollback-fixes.sh restores them.
        Example:
          trustpath fix Inputs/acme-2026-10 --out /tmp/acme-fixed && trustpath analyze /tmp/acme-fixed/snapshot
        """
    )

    @Argument(help: "The snapshot directory.") var directory: String
    @Option(help: "Where to write the fixes (created if missing).") var out: String
    @Option(help: "Cut every pair at or above this severity with the fewest trust-statement fixes.")
    var severity: Severity = .critical
    @Flag(help: "Apply the fix of every door instead of the choke points.") var all = false
    @OptionGroup var project: ProjectFileOption

    func run() throws {
        let input = try SnapshotInput.load(directory, config: project.config)
        let snapshot = input.snapshot
        let pipeline = Pipeline.run(input, options: PipelineOptions(stages: .remediation, chokeSeverity: severity))
        let (result, plan) = (pipeline.analysis, pipeline.plan)
        let fixes = all ? Array(Set(plan.doorFixes.values)).sorted() : plan.chokePoints
        let output = try FixApplier.apply(fixes, index: result.index) { file in
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(file)))
        }
        let outURL = URL(fileURLWithPath: out)
        // A project file given with --config lives outside the snapshot: it is not copied.
        for file in snapshot.files.filter({ $0.kind != .projectConfig || project.config == nil }).map(\.path) {
            let target = outURL.appendingPathComponent("snapshot").appendingPathComponent(file).path
            if let patched = output.patchedFiles[file] {
                try AtomicFile.write(patched, to: target)
            } else {
                try AtomicFile.write(try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(file)), to: target)
            }
        }
        let scripts = FixScriptPlan(output.updates)
        for change in scripts.changes {
            try AtomicFile.write(change.update.document, to: outURL.appendingPathComponent(change.policyFile).path)
        }
        try writeScript(ApplyScript.render(scripts), named: ApplyScript.fileName, in: outURL)
        try writeScript(RollbackScript.render(scripts), named: RollbackScript.fileName, in: outURL)
        try AtomicFile.write(try JSONOutput.encode(fixes), to: outURL.appendingPathComponent("fixes.json").path)
        print("\(fixes.count) fix(es) on \(output.updates.count) role(s) written to \(out)")
        for fix in fixes { print("  - " + Escape.terminal(fix.summary)) }
        if !plan.uncuttableTargets.isEmpty {
            print("Not removable by trust-policy fixes: " + Escape.terminal(plan.uncuttableTargets.joined(separator: ", ")))
        }
        for note in scripts.skipped { print("Left out of the scripts: " + Escape.terminal(note)) }
        print("Re-analyze: trustpath analyze \(outURL.appendingPathComponent("snapshot").path)")
        if scripts.changes.contains(where: { Placeholder.isPresent(in: $0.update.document) }) {
            print("Fill in every REPLACE-WITH-… placeholder in trust-policies/ first: \(ApplyScript.fileName) refuses to run "
                + "while one is left.")
        }
    }

    /// Writes an executable script atomically.
    private func writeScript(_ text: String, named name: String, in directory: URL) throws {
        let path = directory.appendingPathComponent(name).path
        try AtomicFile.write(text, to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
}
