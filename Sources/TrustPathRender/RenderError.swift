/// What can go wrong turning a diagram into files. Every case names what to do.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `gvContext()` returned nothing: the Graphviz libraries are missing or broken.
    case contextUnavailable
    /// Graphviz could not read the DOT text (its own message, when it gave one).
    case invalidDOT(String)
    /// The layout engine failed on a graph it had read.
    case layoutFailed(engine: String, message: String)
    /// The output format is unknown to this Graphviz, or rendering failed.
    case renderFailed(format: String, message: String)
    /// Writing an output file failed.
    case writeFailed(path: String, message: String)

    public var description: String {
        switch self {
        case .contextUnavailable:
            "Graphviz could not start (gvContext failed): install libgraphviz-dev, and if its plugins are not found run `dot -c` as root"
        case .invalidDOT(let message):
            "Graphviz could not read the diagram: \(message.isEmpty ? "syntax error" : message)"
        case .layoutFailed(let engine, let message):
            "Graphviz layout '\(engine)' failed: \(message.isEmpty ? "no message" : message)"
        case .renderFailed(let format, let message):
            "Graphviz could not render \(format): \(message.isEmpty ? "is its plugin installed? Run `dot -c` as root" : message)"
        case .writeFailed(let path, let message):
            "could not write \(path): \(message)"
        }
    }
}
