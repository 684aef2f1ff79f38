/// Successful role assumptions in a CloudTrail trail, by role and caller: small however long the trail is
/// (one entry per distinct caller and role).
public struct CloudTrailIndex: Sendable, Hashable {
    /// role ARN → caller id → (caller, observation).
    private var byRole: [String: [String: ObservedAssumption]] = [:]
    /// What was read, for reports and the benchmark.
    public internal(set) var statistics = ReadStatistics()

    public init() {}

    /// Records one successful assumption.
    public mutating func record(_ caller: Caller, role: String, at time: String) {
        let observation = Observation(at: time)
        if let known = byRole[role]?[caller.id] {
            byRole[role]?[caller.id]?.observation = known.observation.merged(with: observation)
        } else {
            byRole[role, default: [:]][caller.id] = ObservedAssumption(caller: caller, role: role, observation: observation)
        }
    }

    /// Adds everything another index holds (another file, another worker).
    public mutating func merge(_ other: CloudTrailIndex) {
        for (role, callers) in other.byRole {
            for (id, assumption) in callers {
                if let known = byRole[role]?[id] {
                    byRole[role]?[id]?.observation = known.observation.merged(with: assumption.observation)
                } else {
                    byRole[role, default: [:]][id] = assumption
                }
            }
        }
        statistics.add(other.statistics)
    }

    /// How often `caller` (an account id, role ARN, user ARN, issuer or provider ARN, exactly) assumed `role`.
    public func observed(caller: String, role: String) -> Observation? { byRole[role]?[caller]?.observation }

    /// Every caller seen assuming `role`, sorted by caller.
    public func callers(of role: String) -> [ObservedAssumption] {
        (byRole[role]?.values).map { $0.sorted { $0.caller < $1.caller } } ?? []
    }

    /// Every (caller, role) the trail shows, sorted by role then caller.
    public var assumptions: [ObservedAssumption] {
        byRole.keys.sorted().flatMap { callers(of: $0) }
    }

    /// The roles anybody was seen assuming.
    public var roles: [String] { byRole.keys.sorted() }

    /// The number of distinct (caller, role) pairs.
    public var count: Int { byRole.values.reduce(0) { $0 + $1.count } }
}

/// Counts of what a read went through.
public struct ReadStatistics: Sendable, Hashable, Codable {
    /// Log files read (whole or in part), and their size on disk and inflated.
    public var files = 0
    public var compressedBytes = 0
    public var inflatedBytes = 0
    /// Records seen, of which `AssumeRole*` calls that succeeded and that failed (`errorCode`; skipped).
    public var records = 0
    public var assumptions = 0
    public var failedCalls = 0
    /// Records that could not be read (each also a diagnostic, up to a limit per file).
    public var badRecords = 0
    /// Files that were not CloudTrail logs or could not be read at all.
    public var skippedFiles = 0

    public init() {}

    mutating func add(_ other: ReadStatistics) {
        files += other.files
        compressedBytes += other.compressedBytes
        inflatedBytes += other.inflatedBytes
        records += other.records
        assumptions += other.assumptions
        failedCalls += other.failedCalls
        badRecords += other.badRecords
        skippedFiles += other.skippedFiles
    }
}
