import Foundation
import ArgumentParser
import TranscriptCore

struct RenameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Give a meeting a new title.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The meeting's id, or latest.") var meeting: MeetingReference
    @Argument(help: "The new title.") var title: String

    func validate() throws {
        // An empty title would show as "Untitled meeting" and lose the old one by a slip of the shell.
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("The new title is empty; give the meeting a title of at least one character.")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let store = try await global.openExistingStore()
            let id = try await meeting.resolve(in: store)
            try await store.rename(id, to: title)
            StandardError.write("Meeting \(id) is now \(TerminalSafeText.quoted(title)).")
        }
    }
}

struct TagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Add tags to a meeting (or remove them with --remove)."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The meeting's id, or latest.") var meeting: MeetingReference
    @Argument(help: "One or more tags.") var tags: [String]
    @Flag(help: "Remove these tags instead of adding them.") var remove = false

    func validate() throws {
        if tags.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("Name at least one tag.")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let store = try await global.openExistingStore()
            let id = try await meeting.resolve(in: store)
            let now = remove ? try await store.removeTags(tags, from: id) : try await store.addTags(tags, to: id)
            StandardError.write("Meeting \(id) tags: " + (now.isEmpty ? "(none)" : now.joined(separator: ", ")))
        }
    }
}
