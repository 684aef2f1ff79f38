import ArgumentParser

/// The documented exit codes, in one place.
enum TrustPathExit {
    /// Findings at or above the `--fail-on` threshold.
    static let findings = ExitCode(1)
    /// A usage error or a bad project file: nothing was analyzed.
    static let usage = ExitCode(2)
    /// Input that could not be read (the rest was still analyzed and reported).
    static let badInput = ExitCode(3)
}
