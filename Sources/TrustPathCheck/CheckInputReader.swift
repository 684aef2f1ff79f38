import Foundation
import TrustPathIngest
import TrustPathJSON
import TrustPathModel

/// Turns a checked file — a trust policy, a CloudFormation template (JSON or YAML) or a Terraform plan
/// (`terraform show -json`) — into the roles it creates or changes, by its content, never its name.
public enum CheckInputReader {
    /// Reads `bytes` of `file` for roles in `account` (the deploying account, or a placeholder for it).
    public static func read(_ bytes: [UInt8], file: String, account: String) throws(CheckError) -> CheckedFile {
        guard bytes.count <= TemplateLimits.fileSize else {
            throw CheckError(file: file, "the file is \(bytes.count) bytes, over the \(TemplateLimits.fileSize)-byte limit")
        }
        let firstByte = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[") {
            let value: JSONValue
            do {
                value = try JSONParser.parse(bytes)
            } catch {
                // A YAML template in flow style also starts with `{`: read it as YAML when it is one.
                if let text = String(validating: bytes, as: UTF8.self), let template = try? yamlTemplate(text, file: file) {
                    return try CloudFormationReader.read(template, file: file, account: account, lines: { _ in nil })
                }
                // The parser's message already names the JSON path, abbreviated.
                throw CheckError(file: file, line: error.line, "not valid JSON: \(error.description)",
                                 hint: "check the file is whole; `terraform show -json PLAN > plan.json` writes a plan")
            }
            return try readJSON(value, bytes: bytes, file: file, account: account)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CheckError(file: file, "the file is neither JSON nor UTF-8 YAML text")
        }
        return try CloudFormationReader.read(try yamlTemplate(text, file: file), file: file, account: account, lines: { _ in nil })
    }

    /// A YAML document that is a CloudFormation template.
    private static func yamlTemplate(_ text: String, file: String) throws(CheckError) -> TemplateNode {
        var parsing = TemplateParsing(file: file)
        let root = try parsing.node(yaml: text)
        guard root["Resources"] != nil || root["AWSTemplateFormatVersion"] != nil else { throw unrecognised(file, yaml: true) }
        return root
    }

    private static func readJSON(_ value: JSONValue, bytes: [UInt8], file: String, account: String) throws(CheckError) -> CheckedFile {
        let lines: (JSONPath) -> Int? = { path in
            JSONLocator.range(of: path, in: bytes).map { SourceRegion(byteOffset: $0.lowerBound, in: bytes).startLine }
        }
        if value["Statement"] != nil {
            return TrustPolicyReader.read(value, file: file, account: account, lines: lines)
        }
        if value["resource_changes"] != nil || value["terraform_version"] != nil || value["format_version"] != nil
            && value["planned_values"] != nil {
            return try TerraformPlanReader.read(value, file: file, account: account, lines: lines)
        }
        if value["Resources"] != nil || value["AWSTemplateFormatVersion"] != nil {
            var parsing = TemplateParsing(file: file)
            return try CloudFormationReader.read(try parsing.node(value), file: file, account: account, lines: lines)
        }
        throw unrecognised(file, yaml: false)
    }

    private static func unrecognised(_ file: String, yaml: Bool) -> CheckError {
        CheckError(file: file, path: "$", "\(yaml ? "YAML" : "JSON") that is neither a trust policy (\"Statement\"), a "
            + "CloudFormation template (\"Resources\") nor a Terraform plan (\"resource_changes\")",
                   hint: "give a trust policy, a template, or the output of `terraform show -json PLAN`")
    }
}
