import TrustPathEngine
import TrustPathModel

/// Judges a role's severity by probing its permissions with representative actions.
public enum SeverityClassifier {
    /// Combinations that let a principal raise its own privileges (public research on IAM privilege escalation).
    static let escalations: [(actions: [String], reason: String)] = [
        (["iam:CreatePolicyVersion"], "can rewrite a managed policy (iam:CreatePolicyVersion)"),
        (["iam:SetDefaultPolicyVersion"], "can switch a policy to another version (iam:SetDefaultPolicyVersion)"),
        (["iam:AttachRolePolicy"], "can attach any policy to a role (iam:AttachRolePolicy)"),
        (["iam:AttachUserPolicy"], "can attach any policy to a user (iam:AttachUserPolicy)"),
        (["iam:AttachGroupPolicy"], "can attach any policy to a group (iam:AttachGroupPolicy)"),
        (["iam:PutRolePolicy"], "can write an inline policy on a role (iam:PutRolePolicy)"),
        (["iam:PutUserPolicy"], "can write an inline policy on a user (iam:PutUserPolicy)"),
        (["iam:PutGroupPolicy"], "can write an inline policy on a group (iam:PutGroupPolicy)"),
        (["iam:CreateAccessKey"], "can mint access keys for users (iam:CreateAccessKey)"),
        (["iam:CreateLoginProfile"], "can set console passwords (iam:CreateLoginProfile)"),
        (["iam:UpdateLoginProfile"], "can reset console passwords (iam:UpdateLoginProfile)"),
        (["iam:AddUserToGroup"], "can join any group (iam:AddUserToGroup)"),
        (["iam:UpdateAssumeRolePolicy"], "can rewrite trust policies (iam:UpdateAssumeRolePolicy)"),
        (["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "can run code as any role through Lambda (iam:PassRole)"),
        (["iam:PassRole", "ec2:RunInstances"], "can launch instances with any role (iam:PassRole + ec2:RunInstances)"),
        (["iam:PassRole", "cloudformation:CreateStack"], "can deploy stacks as any role (iam:PassRole + cloudformation:CreateStack)"),
        (["iam:PassRole", "glue:CreateDevEndpoint"], "can open a Glue endpoint with any role (iam:PassRole)"),
        (["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"], "can build as any role (iam:PassRole + CodeBuild)"),
    ]

    static let readVerbs = ["Get", "List", "Describe", "Head", "Select", "Scan", "Query", "BatchGet", "Search", "Lookup",
                            "View", "Read", "Download", "Check", "Validate", "Estimate", "Preview", "Decrypt", "Filter"]
    static let writeVerbs = ["Put", "Create", "Delete", "Update", "Write", "Attach", "Detach", "Modify", "Run", "Invoke",
                             "Start", "Stop", "Terminate", "Send", "Publish", "Set", "Add", "Remove", "Tag", "Untag",
                             "Restore", "Copy", "Upload", "Import", "Reboot", "Associate", "Enable", "Disable",
                             "Replace", "Reset", "Revoke", "Authorize", "Register", "Deregister", "Change", "Execute"]
    /// Actions that say the most about a role's reach, most telling first: named in the reason when allowed, before
    /// the patterns in sort order (so S3 read access reads `s3:GetObject`, not `s3-object-lambda:Get*`).
    static let tellingWrites = ["s3:PutObject", "s3:DeleteObject", "dynamodb:PutItem", "dynamodb:DeleteItem",
                                "rds:ModifyDBInstance", "ec2:RunInstances", "lambda:UpdateFunctionCode",
                                "secretsmanager:PutSecretValue", "ssm:PutParameter", "kms:CreateGrant", "sqs:SendMessage",
                                "sns:Publish", "ec2:TerminateInstances"]
    static let tellingReads = ["s3:GetObject", "secretsmanager:GetSecretValue", "ssm:GetParameter", "kms:Decrypt",
                               "dynamodb:GetItem", "dynamodb:Scan", "rds:DescribeDBInstances", "s3:ListBucket",
                               "ec2:DescribeInstances", "lambda:GetFunction"]

    /// Actions that write only telemetry: not what the contract means by write access to data.
    static let telemetryServices = ["logs", "xray", "cloudwatch"]
    /// STS gives access to other roles, which are findings of their own.
    static let ignoredServices = ["sts"]

    /// The severity of a role and the reason, in words.
    public static func classify(_ probe: PermissionProbe) -> (Severity, String) {
        if probe.allows("trustpathprobe:AnyAction") {
            return (.critical, "administrator: allows every action")
        }
        for escalation in escalations where escalation.actions.allSatisfy(probe.allows) {
            return (.critical, "IAM privilege escalation: \(escalation.reason)")
        }
        if let write = tellingWrites.first(where: probe.allows) { return (.high, "write access: \(write)") }
        var read: String? = tellingReads.first(where: probe.allows)
        // Once a read is found only a write can change the answer, so later reads are not probed.
        for action in probeActions(from: probe.allowedPatterns) where (action.writes || read == nil) && probe.allows(action.name) {
            let service = action.name.split(separator: ":").first.map(String.init)?.lowercased() ?? ""
            if ignoredServices.contains(service) || telemetryServices.contains(service) { continue }
            if action.writes {
                return (.high, "write access: \(action.pattern)")
            }
            read = read ?? action.pattern
        }
        if let read { return (.medium, "read access: \(read)") }
        if !probe.missingPolicies.isEmpty {
            return (.low, "no data access found; attached policies not in the snapshot: "
                + probe.missingPolicies.joined(separator: ", "))
        }
        return (.low, "no data or principal access")
    }

    /// Concrete actions standing for each pattern: the pattern's wildcards filled so that the action name
    /// begins with each read and write verb it can begin with.
    static func probeActions(from patterns: [String]) -> [(name: String, pattern: String, writes: Bool)] {
        var result: [(String, String, Bool)] = []
        // Plain service names first: `s3:Get*` speaks more plainly than `s3-object-lambda:Get*`.
        // Whether each is plain, decided once per pattern rather than at every comparison.
        let sorted = Set(patterns).map { (pattern: $0, plain: !servicePart($0).contains("-")) }
            .sorted { lhs, rhs in lhs.plain != rhs.plain ? lhs.plain : lhs.pattern < rhs.pattern }
            .map(\.pattern)
        for pattern in sorted {
            let parts = pattern.split(separator: ":", maxSplits: 1)
            let service = parts.count == 2 ? String(parts[0]) : "*"
            let name = parts.count == 2 ? String(parts[1]) : pattern
            let concreteService = service.contains("*") || service.contains("?") ? "trustpathprobe" : service
            for (verbs, writes) in [(writeVerbs, true), (readVerbs, false)] {
                for verb in verbs where Wildcard.canMatch(prefix: verb, pattern: name) {
                    result.append(("\(concreteService):\(instance(name, verb: verb))", pattern, writes))
                }
            }
        }
        return result
    }

    private static func servicePart(_ pattern: String) -> Substring {
        pattern.split(separator: ":", maxSplits: 1).first ?? ""
    }

    /// `name` made concrete with a name starting with `verb`.
    private static func instance(_ name: String, verb: String) -> String {
        var result = ""
        var verbIndex = verb.startIndex
        var usedStar = false
        for character in name {
            if character == "*" {
                if !usedStar { result += verb[verbIndex...] + "Probe"; verbIndex = verb.endIndex; usedStar = true }
            } else if character == "?" {
                if verbIndex < verb.endIndex { result.append(verb[verbIndex]); verbIndex = verb.index(after: verbIndex) } else {
                    result += "x"
                }
            } else {
                result.append(character)
                if verbIndex < verb.endIndex { verbIndex = verb.index(after: verbIndex) }
            }
        }
        return result
    }
}
