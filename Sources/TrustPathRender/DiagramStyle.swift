import TrustPathAnalysis
import TrustPathEngine

/// Colors and shapes, in one place so the legend and the drawing cannot disagree.
enum DiagramStyle {
    /// Liberation Sans is installed by name (fonts-liberation2) so layouts are the same on every machine that has it.
    static let font = "Liberation Sans"

    struct Paint {
        var fill: String
        var border: String
        var text = "#1c2833"
    }

    static func paint(_ severity: Severity?) -> Paint {
        switch severity {
        case .critical: Paint(fill: "#fadbd8", border: "#b03a2e", text: "#922b21")
        case .high: Paint(fill: "#fdebd0", border: "#ca6f1e", text: "#a04000")
        case .medium: Paint(fill: "#fcf3cf", border: "#b7950b", text: "#7d6608")
        case .low: Paint(fill: "#e5e8e8", border: "#707b7c", text: "#424949")
        case nil: Paint(fill: "#ffffff", border: "#95a5a6", text: "#424949")
        }
    }

    static func paint(_ entry: Actor.EntryKind, vendor: Bool) -> Paint {
        switch entry {
        case .public: Paint(fill: "#922b21", border: "#641e16", text: "#ffffff")
        case .federated: Paint(fill: "#e8daef", border: "#6c3483")
        case .service: Paint(fill: "#d4e6f1", border: "#1f618d")
        case .externalAccount: vendor ? Paint(fill: "#f9e79f", border: "#9a7d0a") : Paint(fill: "#f5b7b1", border: "#922b21")
        }
    }

    static func shape(_ entry: Actor.EntryKind) -> String {
        switch entry {
        case .public: "doubleoctagon"
        case .federated: "house"
        case .service: "component"
        case .externalAccount: "octagon"
        }
    }

    /// Fill, border and border style of an account box.
    static func cluster(_ kind: AccountKind) -> (paint: Paint, style: String) {
        switch kind {
        case .member: (Paint(fill: "#f4f6f7", border: "#5d6d7e"), "rounded,filled")
        case .external: (Paint(fill: "#fdedec", border: "#c0392b"), "rounded,filled,dashed")
        case .vendor: (Paint(fill: "#fef9e7", border: "#b7950b"), "rounded,filled,dashed")
        }
    }

    static func edgeColor(_ state: HopState) -> String {
        switch state {
        case .open: "#922b21"
        case .conditional: "#b9770e"
        case .closed: "#95a5a6"
        }
    }

    /// Diff diagrams: new chains in red, resolved ones in green, kept ones grey.
    static func edgeColor(_ change: EdgeChange) -> String {
        switch change {
        case .added: "#c0392b"
        case .removed: "#1e8449"
        case .kept: "#7f8c8d"
        }
    }

    static func edgeStyle(_ state: HopState) -> String {
        switch state {
        case .open: "solid"
        case .conditional: "dashed"
        case .closed: "dotted"
        }
    }

    static func entryKindName(_ kind: Actor.EntryKind) -> String {
        switch kind {
        case .public: "anyone (*)"
        case .federated: "federated provider"
        case .service: "AWS service"
        case .externalAccount: "external account"
        }
    }
}
