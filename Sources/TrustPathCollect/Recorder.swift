import Synchronization

/// What the parallel jobs found, gathered under one lock.
final class Recorder: Sendable {
    private struct State {
        var organizationFiles: [String] = []
        var organizationFailures: [String] = []
        var read: [CollectionManifest.ReadAccount] = []
        var missing: [CollectionManifest.Missing] = []
        var done = 0
    }

    private let state = Mutex(State())
    private let progress: (@Sendable (Int) -> Void)?

    init(progress: (@Sendable (Int) -> Void)?) {
        self.progress = progress
    }

    func organizationFile(_ name: String) { state.withLock { $0.organizationFiles.append(name) } }
    func organizationFailure(_ sentence: String) { state.withLock { $0.organizationFailures.append(sentence) } }

    func account(read account: CollectionManifest.ReadAccount) { finished { $0.read.append(account) } }
    func account(missing account: CollectionManifest.Missing) { finished { $0.missing.append(account) } }

    private func finished(_ change: (inout State) -> Void) {
        let done = state.withLock { state in
            change(&state)
            state.done += 1
            return state.done
        }
        progress?(done)
    }

    var snapshot: (files: [String], failures: [String], read: [CollectionManifest.ReadAccount],
                   missing: [CollectionManifest.Missing]) {
        state.withLock { ($0.organizationFiles.sorted(), $0.organizationFailures.sorted(),
                          $0.read.sorted { $0.id < $1.id }, $0.missing.sorted { $0.id < $1.id }) }
    }
}
