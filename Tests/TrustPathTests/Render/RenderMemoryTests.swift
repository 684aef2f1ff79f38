import Foundation
import Testing
import TrustPathReport
@testable import TrustPathRender

/// 1,000 renders in one process, resident memory read from /proc/self/statm after a warm-up.
///
/// Graphviz 2.42/2.43 leaks inside `gvLayout` for graphs with clusters, HTML-like labels and multi-line edge
/// labels (upstream issues #65 and #649 of the old tracker): about 9 KiB per layout of a small diagram (measured on the old per-finding ones),
/// measured here, linear, and the same through the `dot` command. So the wrapper is checked on a graph Graphviz
/// does not leak on (growth must be flat), and the real diagrams against a bound on that library leak.
/// Resident memory is the whole process's, so another suite's allocations would land inside the measurement:
/// these run only in a test process of their own, `TRUSTPATH_MEMORY_TESTS=1 swift test --filter RenderMemoryTests`,
/// which `.ci/run` does after the rest.
@Suite("Render: memory", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["TRUSTPATH_MEMORY_TESTS"] == "1",
                "measured alone: TRUSTPATH_MEMORY_TESTS=1 swift test --filter RenderMemoryTests"))
struct RenderMemoryTests {
    static let renders = 1_000

    /// Labelled nodes and edges, no clusters, no HTML: Graphviz leaks nothing on it, so any growth is ours.
    static let plainDOT = """
        digraph { rankdir=LR; node [shape=box];
          a [label="public"]; b [label="role b"]; c [label="role c"]; d [label="target"];
          a -> b [label="lacks x"]; a -> c; b -> d; c -> d; }
        """

    @Test func thousandRendersOfSVGAndPNGDoNotGrowMemory() throws {
        var pngBytes = 0
        for _ in 0..<100 { _ = try GraphvizRenderer.shared.render(dot: Self.plainDOT, formats: [.svg, .png]) }
        let before = try ResidentMemory.bytes()
        for _ in 0..<Self.renders {
            pngBytes = try GraphvizRenderer.shared.render(dot: Self.plainDOT, formats: [.svg, .png])[.png]?.count ?? 0
        }
        let growth = try ResidentMemory.bytes() - before
        let bound = 1024 * 1024
        #expect(growth < bound, "resident memory grew \(growth / 1024) KiB over \(Self.renders) renders")
        // Sensitive enough: leaking each PNG buffer alone would pass the bound several times over.
        #expect(pngBytes * Self.renders > 4 * bound)
    }

    @Test func thousandRendersOfADoorDiagramStayWithinGraphvizsOwnLeak() throws {
        let report = RenderSamples.report()
        let dot = try #require(report.doors.first { $0.top.contains { $0.path.count == 3 } }.map { DiagramBuilder.door($0, in: report) })
        for _ in 0..<100 { _ = try GraphvizRenderer.shared.render(dot: dot, format: .svg) }
        let before = try ResidentMemory.bytes()
        for _ in 0..<Self.renders { _ = try GraphvizRenderer.shared.render(dot: dot, format: .svg) }
        let perRender = (try ResidentMemory.bytes() - before) / Self.renders
        #expect(perRender < 16 * 1024, "resident memory grew \(perRender) bytes per render")
    }
}

enum ResidentMemory {
    struct Unavailable: Error {}

    /// Resident set size from /proc/self/statm (second field, in pages).
    static func bytes() throws -> Int {
        let text = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { throw Unavailable() }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
