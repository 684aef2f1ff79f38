import Foundation
import TrustPathAnalysis
import TrustPathEscaping

/// A stacked area chart of counts by severity over the saved snapshots, as inline SVG: drawn by TrustPath itself
/// (no charting library, no script), each point carrying a `<title>` so a browser shows its numbers on hover.
public enum TrendChart {
    /// One column of the chart.
    public struct Column: Sendable, Hashable {
        public var label: String
        public var bySeverity: [String: Int]

        public init(label: String, bySeverity: [String: Int]) {
            self.label = label
            self.bySeverity = bySeverity
        }

        var total: Int { Severity.allCases.reduce(0) { $0 + (bySeverity[$1.rawValue] ?? 0) } }
    }

    static let width = 760.0, height = 260.0
    static let left = 52.0, right = 120.0, top = 30.0, bottom = 48.0
    static let colors: [Severity: String] = [.critical: "#b3261e", .high: "#c25e00", .medium: "#8a6d00", .low: "#3b6e3b"]

    /// The chart; `title` and labels are escaped here.
    public static func svg(title: String, unit: String, columns: [Column]) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let (maximum, step) = scale(columns.map(\.total).max() ?? 0)
        func x(_ index: Int) -> Double {
            columns.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(columns.count - 1)
        }
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / Double(maximum)) }
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"Liberation Sans, Arial, sans-serif\" "
            + "font-size=\"12\">", "<title>\(Escape.xmlText(title))</title>",
            "<text x=\"\(Int(left))\" y=\"18\" font-size=\"14\" font-weight=\"bold\">\(Escape.xmlText(title))</text>"]
        for tick in stride(from: 0, through: maximum, by: step) {
            let level = format(y(tick))
            parts.append("<line x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(level)\" y2=\"\(level)\" "
                + "stroke=\"#d9d9de\"/><text x=\"\(Int(left) - 6)\" y=\"\(level)\" dy=\"4\" text-anchor=\"end\">\(tick)</text>")
        }
        // Critical at the bottom, where a change is easiest to read.
        var below = Array(repeating: 0, count: columns.count)
        for severity in Severity.allCases {
            let above = zip(below, columns).map { $0 + ($1.bySeverity[severity.rawValue] ?? 0) }
            parts.append(area(upper: above, lower: below, x: x, y: y, single: columns.count == 1,
                              color: colors[severity] ?? "#888"))
            below = above
        }
        let totals = columns.map(\.total)
        if columns.count > 1 {
            parts.append("<polyline fill=\"none\" stroke=\"#1d1d1f\" stroke-width=\"1.5\" points=\""
                + totals.indices.map { "\(format(x($0))),\(format(y(totals[$0])))" }.joined(separator: " ") + "\"/>")
        }
        let labelEvery = max(1, Int((Double(columns.count) / 10).rounded(.up)))
        for (index, column) in columns.enumerated() {
            let counts = Severity.allCases.map { "\(column.bySeverity[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            parts.append("<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(column.total)))\" r=\"3.5\" fill=\"#1d1d1f\">"
                + "<title>\(Escape.xmlText(column.label)): \(column.total) \(Escape.xmlText(unit)) (\(counts))</title></circle>")
            if index % labelEvery == 0 || index == columns.count - 1 {
                parts.append("<text x=\"\(format(x(index)))\" y=\"\(Int(height - bottom) + 18)\" text-anchor=\"middle\">"
                    + "\(Escape.xmlText(short(column.label)))</text>")
            }
        }
        for (index, severity) in Severity.allCases.enumerated() {
            let row = Int(top) + 16 * index
            parts.append("<rect x=\"\(Int(width - right) + 14)\" y=\"\(row)\" width=\"12\" height=\"12\" "
                + "fill=\"\(colors[severity] ?? "#888")\"/><text x=\"\(Int(width - right) + 32)\" y=\"\(row + 10)\">"
                + "\(severity.rawValue)</text>")
        }
        if columns.isEmpty {
            parts.append("<text x=\"\(Int(left + plotWidth / 2))\" y=\"\(Int(top + plotHeight / 2))\" text-anchor=\"middle\">"
                + "No snapshot saved yet</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The top of the axis and the tick step: 1, 2 or 5 times a power of ten, at most about five ticks.
    static func scale(_ maximum: Int) -> (top: Int, step: Int) {
        guard maximum > 0 else { return (1, 1) }
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where (maximum + factor * magnitude - 1) / (factor * magnitude) <= 5 {
                let step = factor * magnitude
                return (((maximum + step - 1) / step) * step, step)
            }
            magnitude *= 10
        }
    }

    private static func area(upper: [Int], lower: [Int], x: (Int) -> Double, y: (Int) -> Double, single: Bool,
                             color: String) -> String {
        guard upper != lower else { return "" }
        var points: [String]
        if single, let high = upper.first, let low = lower.first {
            let middle = x(0)
            points = ["\(format(middle - 24)),\(format(y(high)))", "\(format(middle + 24)),\(format(y(high)))",
                      "\(format(middle + 24)),\(format(y(low)))", "\(format(middle - 24)),\(format(y(low)))"]
        } else {
            points = upper.indices.map { "\(format(x($0))),\(format(y(upper[$0])))" }
            points += lower.indices.reversed().map { "\(format(x($0))),\(format(y(lower[$0])))" }
        }
        return "<polygon fill=\"\(color)\" fill-opacity=\"0.85\" points=\"\(points.joined(separator: " "))\"/>"
    }

    private static func short(_ label: String) -> String {
        label.count > 16 ? String(label.prefix(15)) + "…" : label
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
