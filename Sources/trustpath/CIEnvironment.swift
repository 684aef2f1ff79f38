import Foundation

/// What a CI system says about the run, for report headings.
enum CIEnvironment {
    /// The commit under test: GitHub Actions' `GITHUB_SHA`, GitLab's `CI_COMMIT_SHA`, or the generic `GIT_COMMIT`.
    static var commit: String? {
        let environment = ProcessInfo.processInfo.environment
        return ["GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }
}
