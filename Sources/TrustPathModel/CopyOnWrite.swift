/// Storage for a value type whose copies should cost one reference count, not one per field: the analysis copies
/// roles and hop verdicts out of its look-ups on every hop of an organization. Copies share one box until one of
/// them changes, which then gets a box of its own, so the owner keeps value semantics.
public struct CopyOnWrite<Value: Sendable>: Sendable {
    /// Only ever changed while uniquely referenced, so sharing it across threads is safe.
    private final class Box: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    public init(_ value: Value) { box = Box(value) }

    public var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// True when both share one box (and so are equal without comparing fields).
    public func sharesStorage(with other: CopyOnWrite<Value>) -> Bool { box === other.box }
}

extension CopyOnWrite: Equatable where Value: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.sharesStorage(with: rhs) || lhs.value == rhs.value }
}

extension CopyOnWrite: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
}

/// Encoded as the value itself: the box is invisible in JSON.
extension CopyOnWrite: Codable where Value: Codable {
    public init(from decoder: any Decoder) throws { self.init(try Value(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
