import TrustPathAnalysis
import TrustPathEngine

/// A diagram before it is DOT: what to draw, already filtered, collapsed and sorted. `DOTWriter` decides how.
struct Diagram: Hashable, Sendable {
    /// The DOT graph name.
    var name: String
    /// Heading lines: the first is the title.
    var title: [String]
    var clusters: [DiagramCluster]
    /// Nodes outside every account cluster (public, federated and service entries; collapsed accounts).
    var nodes: [DiagramNode]
    var edges: [DiagramEdge]
    /// Which legend the heading carries.
    var legend: DiagramLegend = .doors

    var nodeCount: Int { nodes.count + clusters.reduce(0) { $0 + $1.nodes.count } }
}

/// The legend: a compact table node for door diagrams, or rows under the title of a diff diagram.
enum DiagramLegend: Hashable, Sendable {
    case doors
    case diff
}

/// Where an arrow stands between two snapshots, in a diff diagram.
enum EdgeChange: Hashable, Sendable {
    case added
    case removed
    case kept
}

/// How an account relates to the organization; drawn with different borders and fills.
enum AccountKind: String, Hashable, Sendable, Comparable, CaseIterable {
    /// In the organization (or in the snapshot's trusted set).
    case member
    /// Outside, unknown.
    case external
    /// Outside, a known vendor (a named external account).
    case vendor

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}

/// One account drawn as a box around its nodes.
struct DiagramCluster: Hashable, Sendable {
    var account: String
    var kind: AccountKind
    var label: [String]
    var nodes: [DiagramNode]
}

struct DiagramNode: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case entry(Actor.EntryKind, vendor: Bool)
        case role
        /// A whole account, when the overview is collapsed.
        case account(AccountKind)
        /// Everything that did not fit, when even the collapsed overview is too large.
        case more
    }

    /// Stable across runs: derived from the ARN, the entry or the account id, never from a position.
    var id: String
    var kind: Kind
    /// Bold first line.
    var title: String
    var details: [String]
    /// The worst severity of the findings that target it; nil for entries and roles only passed through.
    var severity: Severity?
    /// Shown on hover in SVG: the full ARN or id.
    var tooltip: String
    /// The door of a per-door diagram: drawn heavier.
    var emphasized = false
    /// One of its trust statements is a choke point: drawn with a bold border.
    var chokePoint = false
}

struct DiagramEdge: Hashable, Sendable {
    var from: String
    var to: String
    /// Open when any hop it stands for is open.
    var state: HopState
    var label: [String]
    /// How many hops it stands for (more than one only in the collapsed overview).
    var count = 1
    var tooltip: String
    /// On a drawn chain (faint: another chain of the same length, in a diff).
    var primary = true
    /// In a diff diagram: whether the hop is on a chain only the newer snapshot has, only the older, or both.
    var change: EdgeChange?
    /// The hop's trust statement is a choke point: drawn bold.
    var chokePoint = false
}
