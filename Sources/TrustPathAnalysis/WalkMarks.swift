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
///
/// The marks live in memory the object owns, reached through `let` pointers: a walk behind a door marks thousands of
/// roles, and marks kept in `var` arrays of a class paid a dynamic exclusivity check and a uniqueness check on every
/// one (a third of a door walk's time). Positions are role and set numbers of the graph the marks were made for.
final class WalkMarks {
    private let roles: UnsafeMutableBufferPointer<UInt32>
    private let sets: UnsafeMutableBufferPointer<UInt32>
    private let generation: UnsafeMutablePointer<UInt32>

    init(roles: Int, sets: Int) {
        self.roles = .allocate(capacity: roles)
        self.roles.initialize(repeating: 0)
        self.sets = .allocate(capacity: sets)
        self.sets.initialize(repeating: 0)
        generation = .allocate(capacity: 1)
        generation.initialize(to: 1)
    }

    deinit {
        roles.deallocate()
        sets.deallocate()
        generation.deallocate()
    }

    /// Forgets every mark.
    func begin() {
        if generation.pointee == .max {
            roles.update(repeating: 0)
            sets.update(repeating: 0)
            generation.pointee = 0
        }
        generation.pointee += 1
    }

    /// Marks a role; false when it was marked already in this walk.
    func markRole(_ number: Int) -> Bool { Self.insert(number, into: roles, generation: generation.pointee) }

    func isMarked(role number: Int) -> Bool {
        assert(number >= 0 && number < roles.count, "role number out of range")
        return roles[number] == generation.pointee
    }

    /// Marks a set; false when it was marked already in this walk.
    func markSet(_ set: Int) -> Bool { Self.insert(set, into: sets, generation: generation.pointee) }

    private static func insert(_ position: Int, into marks: UnsafeMutableBufferPointer<UInt32>, generation: UInt32) -> Bool {
        assert(position >= 0 && position < marks.count, "mark position out of range")
        if marks[position] == generation { return false }
        marks[position] = generation
        return true
    }
}
