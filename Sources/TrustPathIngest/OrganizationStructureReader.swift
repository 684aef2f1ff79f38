import TrustPathJSON
import TrustPathModel

/// Reads the OU data of an organization, in the format `trustpath collect` writes: `list-roots` output as is,
/// `list-organizational-units-for-parent` output with a top-level `ParentId`, and `list-parents --child-id` output with
/// a top-level `ChildId`. Each file adds parent links; the merger turns them into account paths.
enum OrganizationStructureReader {
    static func readRoots(_ root: JSONValue, at rootPath: JSONPath, file: String) -> FileContribution {
        var context = DecodingContext(file: file)
        var contribution = FileContribution(kind: .organizationStructure, detail: "")
        for (entry, path) in context.list(root, "Roots", at: rootPath) {
            guard let id = context.requiredString(entry, "Id", at: path, consequence: "root ignored") else { continue }
            guard id.hasPrefix("r-") else {
                context.report(.warning, "bad-root-id", "root id \"\(id)\" does not start with r-; ignored", at: path.appending("Id"))
                continue
            }
            contribution.roots.append(id)
            // arn:aws:organizations::MGMT:root/o-xxxxxxxxxx/r-xxxx names the organization.
            if contribution.organizationID == nil, let arn = entry["Arn"]?.scalarText.flatMap(ARN.init) {
                let segments = arn.resource.split(separator: "/")
                if segments.count >= 2, segments[1].hasPrefix("o-") { contribution.organizationID = String(segments[1]) }
            }
        }
        contribution.detail = "organization roots: " + (contribution.roots.isEmpty ? "none" : contribution.roots.joined(separator: ", "))
        contribution.diagnostics = context.diagnostics
        return contribution
    }

    static func readOrganizationalUnits(_ root: JSONValue, at rootPath: JSONPath, file: String) -> FileContribution {
        var context = DecodingContext(file: file)
        var contribution = FileContribution(kind: .organizationStructure, detail: "")
        guard let parent = context.requiredString(root, "ParentId", at: rootPath,
                                                  consequence: "the units cannot be placed in the organization") else {
            contribution.diagnostics = context.diagnostics
            contribution.kind = .unreadable
            contribution.detail = "list-organizational-units-for-parent output without \"ParentId\""
            return contribution
        }
        for (unit, path) in context.list(root, "OrganizationalUnits", at: rootPath) {
            guard let id = context.requiredString(unit, "Id", at: path, consequence: "unit ignored") else { continue }
            contribution.parents[id] = parent
        }
        contribution.detail = "\(contribution.parents.count) organizational unit(s) under \(parent)"
        contribution.diagnostics = context.diagnostics
        return contribution
    }

    static func readParents(_ root: JSONValue, at rootPath: JSONPath, file: String) -> FileContribution {
        var context = DecodingContext(file: file)
        var contribution = FileContribution(kind: .organizationStructure, detail: "")
        guard let child = context.requiredString(root, "ChildId", at: rootPath,
                                                 consequence: "the parent cannot be attributed") else {
            contribution.diagnostics = context.diagnostics
            contribution.kind = .unreadable
            contribution.detail = "list-parents output without \"ChildId\""
            return contribution
        }
        let parents = context.list(root, "Parents", at: rootPath).compactMap { entry, path in
            context.requiredString(entry, "Id", at: path, consequence: "parent ignored")
        }
        // An account or OU has exactly one parent.
        if let parent = parents.first { contribution.parents[child] = parent }
        if parents.count > 1 {
            context.report(.warning, "several-parents", "\(child) lists \(parents.count) parents; using \(parents[0])",
                           at: rootPath.appending("Parents"), hint: "export list-parents again")
        }
        contribution.detail = "parent of \(child): \(parents.first ?? "none")"
        contribution.diagnostics = context.diagnostics
        return contribution
    }

    /// The organization path of each child whose chain of parents reaches a root: `o-…/r-…/ou-…/`.
    static func paths(parents: [String: String], roots: Set<String>, organizationID: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for child in parents.keys where !child.hasPrefix("ou-") {
            var chain: [String] = []
            var current = child
            var seen: Set<String> = [child]
            while let parent = parents[current], !seen.contains(parent) {
                chain.append(parent)
                seen.insert(parent)
                current = parent
            }
            guard let top = chain.last, roots.contains(top) || top.hasPrefix("r-") else { continue }
            result[child] = [([organizationID] + chain.reversed()).joined(separator: "/") + "/"]
        }
        return result
    }
}
