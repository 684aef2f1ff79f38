import Foundation

/// One benchmark run: the organization's size and the time of every stage.
struct BenchRow: Codable {
    var accounts: Int
    var roles: Int
    var users: Int
    var inputBytes: Int
    var files: Int
    var generate: Double
    var load: Double
    var evaluate: Double
    var search: Double
    var remediate: Double
    var report: Double
    var render: Double
    var findings: Int
    var peakResidentBytes: Int
    /// Graphviz laying out the overview and writing SVG, when asked: apart, since it is not part of `analyze`.
    var svg: Double?
    /// The report stage in parts: building the report value, JSON, text.
    var reportParts: [String: Double] = [:]

    /// From load to the overview's DOT: what `trustpath analyze` plus a diagram's text costs.
    var total: Double { load + evaluate + search + remediate + report + render }

    static let header = "| accounts | roles | users | input MB | load s | evaluate s | search s | remediate s | report s | render s | total s | findings | peak RSS MB | overview SVG s |"
    static let rule = "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"

    /// A Markdown table row, the format the README's Performance section uses.
    var markdown: String {
        func s(_ value: Double) -> String { String(format: "%.2f", value) }
        let megabytes = String(format: "%.1f", Double(inputBytes) / 1_048_576)
        return "| \(accounts) | \(roles) | \(users) | \(megabytes) | \(s(load)) | \(s(evaluate)) | \(s(search)) | \(s(remediate)) | "
            + "\(s(report)) | \(s(render)) | \(s(total)) | \(findings) | \(peakResidentBytes / 1_048_576) | "
            + "\(svg.map(s) ?? "-") |"
    }
}
