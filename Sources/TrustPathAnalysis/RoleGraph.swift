import TrustPathEngine
import TrustPathModel

/// The hops between roles that outside entries can reach, in flat arrays by role number. The walks behind the
/// findings and the doors place tens of millions of roles in a large organization: they read arrays here, not
/// locked caches of objects. Built once, a breadth-first layer at a time from the roles the entries reach first,
/// each layer's new roles judged on every core.
public final class RoleGraph: Sendable {
    /// Role `r`'s edges are `edgeStart[r] ..< edgeStart[r + 1]` (none for a role no entry reaches).
    let edgeStart: [Int32]
    /// Per edge: the set of targets it leads to (shared by every edge into the same roles).
    let edgeSet: [Int32]
    /// Per edge: whether the hop is open (else conditional).
    let edgeOpen: [Bool]
    /// Per edge: its bundle, for the hop's verdict when a chain through it is reported.
    let edgeBundle: [HopBundle]
    /// Per edge: the role whose session makes the hop.
    let edgeSource: [Int32]
    /// Set `s` holds `setMembers[setStart[s] ..< setStart[s + 1]]`, role numbers in ARN order; when `setBase[s]` is
    /// a base `b` (not -1), the set is instead base `b`'s members except those.
    let setStart: [Int32]
    let setMembers: [Int32]
    let setBase: [Int32]
    /// Base `b` holds `baseMembers[baseStart[b] ..< baseStart[b + 1]]`, in ARN order: a group of alike roles whose
    /// sets leave out a few members each (the caller's own account's, which a spanning group's callers each treat
    /// apart). A walk expands one such set in full and the others by their few left-out members.
    let baseStart: [Int32]
    let baseMembers: [Int32]
    /// Per set kept as its base less some members: the positions in the base of the first member left out and of
    /// the first after the last, when those are one run (-1 otherwise).
    let outLower: [Int32]
    let outUpper: [Int32]
    /// The set of each shared target set (`HopBundle.targetSet`) of the role sessions' bundles.
    let setOfTargetSet: [Int: Int32]
    /// Every role behind the starts, the starts included, by number, sorted.
    public let reached: [Int]
    /// How many roles the organization has.
    let roleCount: Int

    /// Judges every role behind `starts` (role numbers, the targets of the entries' first hops that chain onward).
    /// Sets of at least `smallestBased` roles that leave out few of their group are kept as the group less those.
    init(graph: AttackGraph, starts: [Int], parallel: Bool, smallestBased: Int = 32) {
        let count = graph.roleARNs.count
        var bundlesOf = [[HopBundle]](repeating: [], count: count)
        var seen = [Bool](repeating: false, count: count)
        var seenSets: Set<Int> = []
        var frontier: [Int] = []
        var reached: [Int] = []
        for start in starts where start >= 0 && start < count && !seen[start] {
            seen[start] = true
            frontier.append(start)
        }
        while !frontier.isEmpty {
            reached += frontier
            let layer = frontier
            let judged = orderedConcurrentMap(layer.count, threshold: parallel ? 32 : .max) { graph.bundles(fromRole: layer[$0]) }
            var next: [Int] = []
            for (role, bundles) in zip(layer, judged) {
                bundlesOf[role] = bundles
                for bundle in bundles {
                    if let set = bundle.targetSet, !seenSets.insert(set).inserted { continue }
                    for number in bundle.targetNumbers where number >= 0 && !seen[number] {
                        seen[number] = true
                        next.append(number)
                    }
                }
            }
            frontier = next
        }
        var edgeStart: [Int32] = [0]
        var edgeSet: [Int32] = []
        var edgeOpen: [Bool] = []
        var edgeBundle: [HopBundle] = []
        var edgeSource: [Int32] = []
        var sets = SetTable(groups: graph.index.targetGroups, smallestBased: smallestBased)
        edgeStart.reserveCapacity(count + 1)
        for role in 0..<count {
            for bundle in bundlesOf[role] {
                edgeSet.append(sets.number(of: bundle))
                edgeOpen.append(bundle.state == .open)
                edgeBundle.append(bundle)
                edgeSource.append(Int32(role))
            }
            edgeStart.append(Int32(edgeSet.count))
        }
        self.edgeStart = edgeStart
        self.edgeSet = edgeSet
        self.edgeOpen = edgeOpen
        self.edgeBundle = edgeBundle
        self.edgeSource = edgeSource
        setStart = sets.start
        setMembers = sets.members
        setBase = sets.base
        baseStart = sets.baseStart
        baseMembers = sets.baseMembers
        outLower = sets.outLower
        outUpper = sets.outUpper
        setOfTargetSet = sets.known
        self.reached = reached.sorted()
        roleCount = count
    }

    /// How many target sets there are.
    var setCount: Int { setStart.count - 1 }

    /// The edges of role `number`.
    func edges(of number: Int) -> Range<Int> { Int(edgeStart[number])..<Int(edgeStart[number + 1]) }

    /// The members of a plain set, or the members a set leaves out of its base.
    func listed(in set: Int) -> ArraySlice<Int32> { setMembers[Int(setStart[set])..<Int(setStart[set + 1])] }

    /// How many bases there are.
    var baseCount: Int { baseStart.count - 1 }

    /// The members of base `base`, role numbers in ARN order.
    public func members(ofBase base: Int) -> ArraySlice<Int32> { baseMembers[Int(baseStart[base])..<Int(baseStart[base + 1])] }

    /// A shared target set (`HopBundle.targetSet`) that is a base's members but one run of them: the base, and the
    /// positions in it of the run (`lower..<upper`). Graphs built from bundles lay such a set as two arcs into chains
    /// over the base instead of an arc per member. nil for any other set.
    public func run(ofTargetSet id: Int) -> (base: Int, lower: Int, upper: Int)? {
        guard let set = setOfTargetSet[id].map(Int.init), setBase[set] >= 0, outLower[set] >= 0 else { return nil }
        return (Int(setBase[set]), Int(outLower[set]), Int(outUpper[set]))
    }
}

/// Numbers the target sets of a `RoleGraph` while it is built: a shared set once, and a set that is most of a
/// group as the group (its base) minus the few members it leaves out.
private struct SetTable {
    var start: [Int32] = [0]
    var members: [Int32] = []
    var base: [Int32] = []
    var baseStart: [Int32] = [0]
    var baseMembers: [Int32] = []
    var outLower: [Int32] = []
    var outUpper: [Int32] = []
    private(set) var known: [Int: Int32] = [:]
    private var baseOfGroup: [Int: Int32] = [:]
    private let groupOfNumber: [Int]
    private let groups: TargetGroups

    /// Sets smaller than this are listed: expanding them costs little either way.
    private let smallestBased: Int

    init(groups: TargetGroups, smallestBased: Int) {
        self.groups = groups
        self.smallestBased = max(1, smallestBased)
        groupOfNumber = groups.groupOfNumber
    }

    mutating func number(of bundle: HopBundle) -> Int32 {
        if let shared = bundle.targetSet, let set = known[shared] { return set }
        let set = Int32(base.count)
        let numbers = bundle.targetNumbers.filter { $0 >= 0 }.sorted()
        if let left = based(numbers) {
            members += left.out.map { Int32($0) }
            base.append(left.base)
            outLower.append(Int32(left.run?.lowerBound ?? -1))
            outUpper.append(Int32(left.run?.upperBound ?? -1))
        } else {
            members += numbers.map { Int32($0) }
            base.append(-1)
            outLower.append(-1)
            outUpper.append(-1)
        }
        start.append(Int32(members.count))
        if let shared = bundle.targetSet { known[shared] = set }
        return set
    }

    /// The base and the left-out members when `numbers` (sorted) is one group's members but a few, with their positions
    /// in the base when those are one run.
    private mutating func based(_ numbers: [Int]) -> (base: Int32, out: [Int], run: Range<Int>?)? {
        guard numbers.count >= smallestBased, let group = numbers.first.map({ groupOfNumber[$0] }), group >= 0,
              numbers.allSatisfy({ groupOfNumber[$0] == group }) else { return nil }
        let whole = groups.memberNumbers[group]
        guard (whole.count - numbers.count) * 4 <= numbers.count else { return nil }
        var out: [Int] = []
        var outPositions: [Int] = []
        var position = 0
        for (place, number) in whole.enumerated() {
            if position < numbers.count, numbers[position] == number {
                position += 1
            } else {
                out.append(number)
                outPositions.append(place)
            }
        }
        let first = outPositions.first ?? 0
        let run: Range<Int>? = outPositions.last.map { $0 - first + 1 == outPositions.count ? first..<($0 + 1) : nil } ?? first..<first
        let base = baseOfGroup[group] ?? {
            baseMembers += whole.map { Int32($0) }
            baseStart.append(Int32(baseMembers.count))
            return Int32(baseStart.count - 2)
        }()
        baseOfGroup[group] = base
        return (base, out, run)
    }
}
