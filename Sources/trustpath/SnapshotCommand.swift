import ArgumentParser

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snapshot", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("snapshot is not built yet")
    }
}
