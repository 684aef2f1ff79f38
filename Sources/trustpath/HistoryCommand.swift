import ArgumentParser

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("history is not built yet")
    }
}
