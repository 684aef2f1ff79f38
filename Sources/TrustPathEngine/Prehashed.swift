/// A dictionary key with its hash computed once, where it was built: keys holding whole policy documents or lists of
/// resource patterns are hashed on every core, not again in each look-up (nor under a lock other cores wait on).
struct Prehashed<Key: Hashable & Sendable>: Hashable, Sendable {
    let key: Key
    let hash: Int

    init(_ key: Key) {
        self.key = key
        hash = key.hashValue
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    static func == (left: Self, right: Self) -> Bool { left.hash == right.hash && left.key == right.key }
}
