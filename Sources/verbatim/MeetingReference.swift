import ArgumentParser
import Store

/// A meeting named on the command line: its id, or `latest`.
enum MeetingReference: ExpressibleByArgument {
    case id(Int64)
    case latest

    init?(argument: String) {
        if argument == "latest" {
            self = .latest
        } else if let id = Int64(argument), id > 0 {
            self = .id(id)
        } else {
            return nil
        }
    }

    static var defaultValueDescription: String { "a meeting id, or latest" }

    func resolve(in store: MeetingStore) async throws -> Int64 {
        switch self {
        case let .id(id): id
        case .latest: try await store.latestMeetingID()
        }
    }
}
