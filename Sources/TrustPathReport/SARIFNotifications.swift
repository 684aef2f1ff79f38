import TrustPathModel

/// Input problems as SARIF tool-execution notifications: a file that could not be read, or a part of one that
/// was skipped, shows in the SARIF viewer beside the findings instead of vanishing.
extension SARIFReporter {
    static func invocation(_ report: Report, base: String) -> SARIF.Invocation {
        let notifications = report.diagnostics.filter { $0.severity != .note }.map { diagnostic in
            var text = diagnostic.message
            if let hint = diagnostic.hint { text += " (\(hint))" }
            let locations = diagnostic.location.map { location in
                [SARIF.Location(
                    physicalLocation: SARIF.PhysicalLocation(artifactLocation: artifact(base, location.file), region: nil),
                    logicalLocations: [SARIF.LogicalLocation(fullyQualifiedName: location.jsonPath, kind: "member")])]
            } ?? []
            return SARIF.Notification(level: diagnostic.severity == .error ? "error" : "warning",
                                      message: SARIF.Message(text: text), locations: locations,
                                      descriptor: SARIF.DescriptorReference(id: diagnostic.code))
        }
        // Members without an export and organization policies without targets are coverage the viewer must see too.
        let coverage = report.coverage
        let gaps = coverage.membersWithoutExport.map { account in
            SARIF.Notification(level: "warning", message: SARIF.Message(
                text: "Organization member \(account) has no authorization-details export: chains through its roles cannot be seen."),
                locations: [], descriptor: SARIF.DescriptorReference(id: "member-without-export"))
        } + coverage.policiesWithoutTargets.map { file in
            SARIF.Notification(level: "warning", message: SARIF.Message(
                text: "\(file) is an SCP or RCP that names no target: it limits nothing in this analysis."),
                locations: [SARIF.Location(physicalLocation: SARIF.PhysicalLocation(artifactLocation: artifact(base, file), region: nil),
                                           logicalLocations: [])],
                descriptor: SARIF.DescriptorReference(id: "policy-without-targets"))
        }
        return SARIF.Invocation(executionSuccessful: true, toolExecutionNotifications: gaps + notifications)
    }
}

extension SARIF {
    struct Invocation: Encodable {
        /// The analysis ran; unreadable input is reported through the notifications, not as a failed run.
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }
    struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]
        var descriptor: DescriptorReference
    }
    struct DescriptorReference: Encodable { var id: String }
}
