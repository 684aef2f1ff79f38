/// Marks on the positions `0..<count` that one walk sets and the next forgets by moving to a new generation,
/// instead of clearing an array the size of the organization.
struct GenerationMarks {
    private var mark: [UInt32]
    private var generation: UInt32 = 1

    init(count: Int) { mark = Array(repeating: 0, count: count) }

    /// Forgets every mark.
    mutating func forgetAll() {
        if generation == .max {
            for position in mark.indices { mark[position] = 0 }
            generation = 0
        }
        generation += 1
    }

    /// Marks `position`; false when it was marked already.
    mutating func insert(_ position: Int) -> Bool {
        if mark[position] == generation { return false }
        mark[position] = generation
        return true
    }

    func contains(_ position: Int) -> Bool { mark[position] == generation }
}

/// The roles and target sets one walk over a `RoleGraph` has met, reused walk after walk by one worker.
final class WalkMarks {
    private var roles: GenerationMarks
    private var sets: GenerationMarks

    init(roles: Int, sets: Int) {
        self.roles = GenerationMarks(count: roles)
        self.sets = GenerationMarks(count: sets)
    }

    /// Forgets every mark.
    func begin() {
        roles.forgetAll()
        sets.forgetAll()
    }

    /// Marks a role; false when it was marked already in this walk.
    func markRole(_ number: Int) -> Bool { roles.insert(number) }

    func isMarked(role number: Int) -> Bool { roles.contains(number) }

    /// Marks a set; false when it was marked already in this walk.
    func markSet(_ set: Int) -> Bool { sets.insert(set) }
}
