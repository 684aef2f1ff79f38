/// Expands the target sets of a `RoleGraph` during one walk, sparing members an expansion cannot change. A plain
/// set is visited whole. A set that is a base but a few members (a spanning group seen from one caller account) is
/// visited whole for the base's first `fullPasses` expansions at the depth it was first met; after that, only the
/// members some expansion of that base left out can still be unreached or short of parents, so only those are
/// visited. The callers of a thousand accounts then cost one pass over the group and a few members each, not a
/// thousand passes. One worker's, reused walk after walk.
final class SetExpander {
    private let roles: RoleGraph
    private let fullPasses: Int
    private let met: GenerationMarks
    /// Per base, in memory the expander owns (see `GenerationMarks`): read at every expansion.
    private let firstDepth: UnsafeMutableBufferPointer<Int32>
    private let passes: UnsafeMutableBufferPointer<Int32>
    /// Per base: members left out by some expansion and not yet settled, sorted, without repeats.
    private var pending: [[Int32]]
    private var merged: [Int32] = []

    init(roles: RoleGraph, fullPasses: Int) {
        self.roles = roles
        self.fullPasses = fullPasses
        met = GenerationMarks(count: roles.baseCount)
        firstDepth = .allocate(capacity: roles.baseCount)
        firstDepth.initialize(repeating: 0)
        passes = .allocate(capacity: roles.baseCount)
        passes.initialize(repeating: 0)
        pending = Array(repeating: [], count: roles.baseCount)
    }

    deinit {
        firstDepth.deallocate()
        passes.deallocate()
    }

    /// Forgets every base's state.
    func begin() { met.forgetAll() }

    /// Calls `visit` once for each member of `set` that is not `settled` (and perhaps for some that are): a settled
    /// member is one no later expansion at `depth` or deeper can change.
    func expand(_ set: Int, depth: Int, settled: (Int) -> Bool, visit: (Int) -> Void) {
        let listed = roles.listed(in: set)
        let base = Int(roles.setBase[set])
        guard base >= 0 else {
            for number in listed { visit(Int(number)) }
            return
        }
        if met.insert(base) {
            firstDepth[base] = Int32(depth)
            passes[base] = 0
            pending[base].removeAll(keepingCapacity: true)
        }
        if Int(firstDepth[base]) == depth, Int(passes[base]) < fullPasses {
            passes[base] += 1
            var out = listed.startIndex
            for number in roles.members(ofBase: base) {
                if out < listed.endIndex, listed[out] == number {
                    out += 1
                } else {
                    visit(Int(number))
                }
            }
        } else {
            var out = listed.startIndex
            for number in pending[base] {
                while out < listed.endIndex, listed[out] < number { out += 1 }
                if out < listed.endIndex, listed[out] == number { continue }
                visit(Int(number))
            }
        }
        // Left out now: what was, and what this set leaves out, less what has settled.
        merged.removeAll(keepingCapacity: true)
        var left = pending[base].startIndex
        var right = listed.startIndex
        while left < pending[base].endIndex || right < listed.endIndex {
            let number: Int32
            if right == listed.endIndex || (left < pending[base].endIndex && pending[base][left] < listed[right]) {
                number = pending[base][left]
                left += 1
            } else if left == pending[base].endIndex || listed[right] < pending[base][left] {
                number = listed[right]
                right += 1
            } else {
                number = listed[right]
                left += 1
                right += 1
            }
            if !settled(Int(number)) { merged.append(number) }
        }
        swap(&pending[base], &merged)
    }
}
