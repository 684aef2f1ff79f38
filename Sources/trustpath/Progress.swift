import Foundation
import Synchronization

/// Progress on standard error, only when it is a terminal and only once a run has taken a second: quick runs
/// and pipes see nothing, long runs see what stage they are in.
// Unchecked because of the Dispatch timer, which is safe to cancel from any thread; all other state is in the Mutex.
final class Progress: @unchecked Sendable {
    private struct State {
        var message = ""
        var visible = false
        var printed = false
    }

    private let state = Mutex(State())
    private let timer: DispatchSourceTimer

    /// A progress line, or nil when standard error is not a terminal.
    static func start() -> Progress? {
        isatty(STDERR_FILENO) == 1 ? Progress() : nil
    }

    private init() {
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1)
        timer.setEventHandler { [weak self] in self?.show() }
        timer.resume()
    }

    /// `update` as a callback for the library's progress hooks.
    var callback: @Sendable (String) -> Void { { [self] message in update(message) } }

    func update(_ message: String) {
        let visible = state.withLock { state in
            state.message = message
            return state.visible
        }
        if visible { draw(message) }
    }

    /// Clears the line; call before printing the result.
    func finish() {
        timer.cancel()
        let printed = state.withLock { state in
            state.visible = false
            return state.printed
        }
        if printed { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func show() {
        let message = state.withLock { state in
            state.visible = true
            return state.message
        }
        if !message.isEmpty { draw(message) }
    }

    private func draw(_ message: String) {
        state.withLock { $0.printed = true }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8))
    }
}
