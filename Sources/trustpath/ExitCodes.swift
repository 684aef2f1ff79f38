import ArgumentParser

/// The documented exit codes, in one place.
enum TrustPathExit {
    /// Findings at or above the `--fail-on` threshold.
    static let findings = ExitCode(1)
    /// A usage error or a bad project file: nothing was analyzed.
    static let usage = ExitCode(2)
    /// Input that could not be read, or an organization member without an export (the rest was still analyzed
    /// and reported).
    static let badInput = ExitCode(3)
    /// An output file, or standard output, could not be written (the message names the path and the system's
    /// reason; nothing is said when the reader of standard output closed the pipe).
    static let cannotWrite = ExitCode(5)
}
