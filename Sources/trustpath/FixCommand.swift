import ArgumentParser

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fix", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("fix is not built yet")
    }
}
