import CGraphviz
import Foundation

/// The image formats a diagram is rendered to.
public enum ImageFormat: String, Sendable, CaseIterable, Hashable {
    case svg
    case png

    /// The file extension, also the Graphviz output format name.
    public var fileExtension: String { rawValue }

    /// Graph attributes set for this format only. PNG is drawn at 144 dpi so text stays sharp on high-density
    /// screens and in READMEs; the same `dpi` in the DOT text would also double the size of the SVG.
    var graphAttributes: [String: String] {
        switch self {
        case .svg: [:]
        case .png: ["dpi": "144"]
        }
    }
}

/// The one owner of libgraphviz in the process.
///
/// Graphviz keeps global state (the error buffer, plugin tables, the DOT parser) and crashes when two threads use
/// it, even with separate contexts; so every call goes through `shared` and its lock, and no other code in
/// TrustPath touches cgraph or gvc. Text in, bytes out: the DOT comes from `DOTWriter`, never from Graphviz.
public final class GraphvizRenderer: @unchecked Sendable {
    /// The process-wide renderer. `@unchecked Sendable`: all mutable state is behind `lock`.
    public static let shared = GraphvizRenderer()

    private let lock = NSLock()
    /// Created on first use and kept: loading plugins per render would cost more than the render.
    private var context: OpaquePointer?

    private init() {}

    /// Lays `dot` out once with the `dot` engine and renders it to each format.
    public func render(dot: String, formats: [ImageFormat]) throws(RenderError) -> [ImageFormat: Data] {
        lock.lock()
        defer { lock.unlock() }
        return try renderLocked(dot: dot, formats: formats)
    }

    /// Lays `dot` out and renders it to one format.
    public func render(dot: String, format: ImageFormat) throws(RenderError) -> Data {
        let images = try render(dot: dot, formats: [format])
        guard let data = images[format] else { throw .renderFailed(format: format.rawValue, message: "no output") }
        return data
    }

    private func renderLocked(dot: String, formats: [ImageFormat]) throws(RenderError) -> [ImageFormat: Data] {
        let gvc = try openContext()
        var images: [ImageFormat: Data] = [:]
        // Formats that need the same graph attributes share one layout.
        let groups = Dictionary(grouping: formats, by: \.graphAttributes)
        for attributes in groups.keys.sorted(by: { $0.count < $1.count }) {
            let graph = try read(dot)
            defer { agclose(graph) }
            for (name, value) in attributes.sorted(by: { $0.key < $1.key }) { Self.set(graph, name, value) }
            guard gvLayout(gvc, graph, "dot") == 0 else {
                throw .layoutFailed(engine: "dot", message: Self.lastError())
            }
            defer { gvFreeLayout(gvc, graph) }
            for format in groups[attributes] ?? [] {
                images[format] = try Self.renderData(gvc, graph, format)
            }
        }
        return images
    }

    private func read(_ dot: String) throws(RenderError) -> UnsafeMutablePointer<Agraph_t> {
        // Keep messages in cgraph's buffer instead of printing them to standard error; read them with aglasterr().
        _ = agseterr(AGMAX)
        _ = agreseterrors()
        // agmemread copies what it needs; the C string only has to live for the call.
        guard let graph = dot.withCString({ agmemread($0) }) else { throw .invalidDOT(Self.lastError()) }
        return graph
    }

    private static func renderData(_ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>,
                                   _ format: ImageFormat) throws(RenderError) -> Data {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(gvc, graph, format.rawValue, &buffer, &length)
        guard status == 0, let bytes = buffer else {
            if let buffer { gvFreeRenderData(buffer) }
            throw .renderFailed(format: format.rawValue, message: lastError())
        }
        defer { gvFreeRenderData(bytes) }
        return Data(bytes: bytes, count: Int(length))
    }

    /// agsafeset takes `char *` (cgraph 2.42/2.43 is not const-correct): hand it private copies, freed after the
    /// call (cgraph interns its own copy of each string).
    private static func set(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        let name = strdup(name), value = strdup(value), empty = strdup("")
        defer {
            free(name)
            free(value)
            free(empty)
        }
        guard let name, let value, let empty else { return }
        _ = agsafeset(UnsafeMutableRawPointer(graph), name, value, empty)
    }

    private func openContext() throws(RenderError) -> OpaquePointer {
        if let context { return context }
        guard let created = gvContext() else { throw .contextUnavailable }
        context = created
        return created
    }

    /// cgraph's last message; aglasterr() hands out a malloc'd copy (or nothing) that we must free.
    private static func lastError() -> String {
        guard let message = aglasterr() else { return "" }
        defer { free(message) }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
