import TrustPathEscaping

/// The first lines of the text report: what the analysis could not see.
enum CoverageText {
    static func render(_ report: Report, style: TextStyle, limit: Int = 10) -> [String] {
        let coverage = report.coverage
        guard !coverage.isComplete else { return [] }
        var lines: [String] = []
        if !coverage.membersWithoutExport.isEmpty {
            lines.append(style.warn("Coverage: \(coverage.membersWithoutExport.count) organization member(s) have no export — "
                + "chains through their roles cannot be seen: ")
                + Escape.terminal(DoorText.abbreviated(coverage.membersWithoutExport, limit: limit)))
        }
        if !coverage.policiesWithoutTargets.isEmpty {
            lines.append(style.warn("Coverage: \(coverage.policiesWithoutTargets.count) SCP/RCP file(s) name no target and limit nothing: ")
                + Escape.terminal(DoorText.abbreviated(coverage.policiesWithoutTargets, limit: limit)))
        }
        if !coverage.placeholders.isEmpty {
            lines.append(style.warn("Placeholders: \(coverage.placeholders.count) trust-policy value(s) still hold a fix's "
                + "placeholder; replace them before applying (these statements match nobody as written): ")
                + Escape.terminal(DoorText.abbreviated(coverage.placeholders.map { $0.location.map { "\($0.file) \($0.jsonPath)" } ?? $0.message },
                                                       limit: limit)))
        }
        if !coverage.skippedFiles.isEmpty {
            lines.append(style.warn("Coverage: \(coverage.skippedFiles.count) file(s) skipped or unreadable: ")
                + Escape.terminal(DoorText.abbreviated(coverage.skippedFiles.map { "\($0.path) (\($0.detail))" }, limit: limit)))
        }
        return lines
    }
}
