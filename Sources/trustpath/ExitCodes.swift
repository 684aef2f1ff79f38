import ArgumentParser

/// The documented exit codes, in one place.
enum TrustPathExit {
    /// Findings at or above the `--fail-on` threshold.
    static let findings = ExitCode(1)
    /// ArgumentParser's own code for usage errors.
    static let usage = ExitCode.validationFailure
    /// Input that could not be read (the rest was still analyzed and reported).
    static let badInput = ExitCode(3)
}
