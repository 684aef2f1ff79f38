import ArgumentParser

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("diff is not built yet")
    }
}
