/// The report formats, each rendered by one reporter.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case markdown
    /// JSON Lines, one reachable (entry, role) pair a line.
    case pairs
    /// One self-contained page; the CLI adds diagrams and the trend through `HTMLReporter.render` directly.
    case html

    /// Renders a report in this format.
    public func render(_ report: Report, options: RenderOptions = RenderOptions()) throws -> String {
        switch self {
        case .text: TextReporter.render(report, options: options)
        case .json: try JSONOutput.encode(report)
        case .sarif: try SARIFReporter.render(report)
        case .markdown: MarkdownReporter.render(report)
        case .pairs: try PairsReporter.render(report)
        case .html: HTMLReporter.render(report)
        }
    }

    /// Writes a report in this format to `sink`: `pairs` streamed a slice of lines at a time, the others rendered
    /// whole first (they are a few megabytes at most).
    public func write(_ report: Report, options: RenderOptions = RenderOptions(), to sink: inout some ByteSink) throws {
        switch self {
        case .pairs: try PairsReporter.write(report, to: &sink)
        case .text, .json, .sarif, .markdown, .html: try sink.write(try render(report, options: options))
        }
    }
}

/// Presentation choices that do not change what a report says.
public struct RenderOptions: Sendable {
    /// Use ANSI colors (only on a terminal, never with NO_COLOR).
    public var color: Bool

    public init(color: Bool = false) { self.color = color }
}
