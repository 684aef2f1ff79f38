/// Marks on the positions `0..<count` that one walk sets and the next forgets by moving to a new generation,
/// instead of clearing an array the size of the organization.
///
/// The marks live in memory the object owns, reached through `let` pointers: walks mark tens of millions of roles in
/// a large organization, and marks kept in `var` arrays of a class paid a dynamic exclusivity check and a uniqueness
/// check on every one (a third of a door walk's time). One worker's, reused walk after walk.
final class GenerationMarks {
    private let mark: UnsafeMutableBufferPointer<UInt32>
    private let generation: UnsafeMutablePointer<UInt32>

    init(count: Int) {
        mark = .allocate(capacity: count)
        mark.initialize(repeating: 0)
        generation = .allocate(capacity: 1)
        generation.initialize(to: 1)
    }

    deinit {
        mark.deallocate()
        generation.deallocate()
    }

    /// Forgets every mark.
    func forgetAll() {
        if generation.pointee == .max {
            mark.update(repeating: 0)
            generation.pointee = 0
        }
        generation.pointee += 1
    }

    /// Marks `position`; false when it was marked already.
    func insert(_ position: Int) -> Bool {
        assert(position >= 0 && position < mark.count, "mark position out of range")
        if mark[position] == generation.pointee { return false }
        mark[position] = generation.pointee
        return true
    }

    func contains(_ position: Int) -> Bool {
        assert(position >= 0 && position < mark.count, "mark position out of range")
        return mark[position] == generation.pointee
    }
}

/// The roles and target sets one walk over a `RoleGraph` has met, reused walk after walk by one worker.
final class WalkMarks {
    private let roles: GenerationMarks
    private let sets: GenerationMarks

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
