import TrustPathRemediation
import TrustPathAnalysis

/// What to change: the choke points and the fixes ranked by what they remove.
enum HTMLRemediation {
    static func chokePoints(_ report: Report, names: DisplayNames) -> [String] {
        var lines = ["<h2 id=\"choke-points\">Choke points</h2>"]
        let threshold = report.chokePointSeverity.rawValue
        if report.chokePoints.isEmpty && report.uncuttableTargets.isEmpty {
            lines.append("<p>No \(threshold) pair to cut.</p>")
            return lines
        }
        lines.append("<p>\(report.chokePoints.count) change\(report.chokePoints.count == 1 ? "" : "s") together remove every "
            + "\(threshold) pair: the fewest trust statements to edit first.</p>")
        let full = report.chokePoints.prefix(HTMLLimits.chokePointsInFull)
        for fix in full { lines.append(fixBox(fix, title: nil)) }
        let listed = report.chokePoints.dropFirst(full.count).prefix(HTMLLimits.chokePointsListed)
        if !listed.isEmpty {
            lines.append("<ul>" + listed.map { "<li>\(HTML.text($0.summary))</li>" }.joined() + "</ul>")
        }
        lines.append(HTMLCoverage.more(report.chokePoints.count, shown: full.count + listed.count, what: "choke points",
                                       where: "the JSON output"))
        if !report.uncuttableTargets.isEmpty {
            lines.append("<p><b>No trust-policy change cuts these roles off:</b> "
                + report.uncuttableTargets.map { "<code>\(HTML.text(names.role($0)))</code>" }.joined(separator: ", ") + "</p>")
        }
        return lines
    }

    static func fixes(_ report: Report, names: DisplayNames) -> [String] {
        var lines = ["<h2 id=\"fixes\">Fixes ranked by what they remove</h2>"]
        guard !report.fixes.isEmpty else { return lines + ["<p>No fix to propose.</p>"] }
        let shown = report.fixes.prefix(HTMLLimits.fixesListed)
        lines.append(HTML.table(["Removes (pairs)", "Change"], rows: shown.map { ranked in
            let counts = Severity.allCases.compactMap { severity in
                ranked.removes[severity.rawValue].flatMap { $0 > 0 ? "\($0) \(severity.rawValue)" : nil }
            }
            return [counts.isEmpty ? "nothing alone" : counts.joined(separator: ", "),
                    "<span title=\"\(HTML.text(ranked.fix.role))\">\(HTML.text(ranked.fix.summary))</span>"]
        }))
        lines.append(HTMLCoverage.more(report.fixes.count, shown: shown.count, what: "fixes", where: "the JSON output"))
        return lines
    }

    /// A fix in full: what it does, the conditions it adds, the principals it swaps, what to fill in.
    static func fixBox(_ fix: Fix, title: String?) -> String {
        var lines = ["<div class=\"fix\">"]
        lines.append("<p>" + (title.map { "<b>\(HTML.text($0)):</b> " } ?? "") + HTML.text(fix.summary) + "</p>")
        var changes: [String] = []
        for key in fix.removeConditionKeys { changes.append("remove the weak <code>\(HTML.text(key))</code> condition") }
        for condition in fix.addConditions {
            changes.append("add <code>\(HTML.text(condition.op)): \(HTML.text(condition.key)) = "
                + "\(HTML.text(condition.values.joined(separator: ", ")))</code>")
        }
        for swap in fix.replacePrincipals {
            changes.append("replace principal <code>\(HTML.text(swap.from))</code> with <code>\(HTML.text(swap.to))</code>")
        }
        if !fix.splitPrincipals.isEmpty {
            changes.append("move " + fix.splitPrincipals.map { "<code>\(HTML.text($0))</code>" }.joined(separator: ", ")
                + " into a statement of their own that gets the conditions")
        }
        if !changes.isEmpty { lines.append("<ul>" + changes.map { "<li>\($0)</li>" }.joined() + "</ul>") }
        if !fix.placeholders.isEmpty {
            lines.append("<p>Fill in before applying: " + fix.placeholders.map { "<code>\(HTML.text($0))</code>" }
                .joined(separator: ", ") + "</p>")
        }
        lines.append("<p class=\"muted\">Statement \(fix.statement.index) of <code>\(HTML.text(fix.role))</code> in "
            + "<code>\(HTML.text(fix.statement.file))</code> at <code>\(HTML.text(fix.statement.jsonPath))</code>"
            + " · <code>trustpath fix</code> applies it</p>")
        lines.append("</div>")
        return lines.joined(separator: "\n")
    }
}
