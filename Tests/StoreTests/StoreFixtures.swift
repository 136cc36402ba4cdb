import Store
import TranscriptCore
import VerbatimTestSupport

/// A store in its own temporary folder, kept alive as long as the fixture.
struct StoreFixture {
    let folder = TemporaryDirectory()
    let store: MeetingStore

    init() throws {
        store = try MeetingStore.open(path: folder.file("archive/verbatim.sqlite"))
    }

    /// Imports a meeting with the given sentences, one second apart, and returns its id.
    @discardableResult
    func meeting(_ title: String, at iso: String = "2026-11-21T10:00:00+08:00", sentences: [String]) async throws
        -> Int64
    {
        let info = MeetingInfo(title: title, startedAt: MeetingStart(iso8601: iso)!, durationMs: sentences.count * 1000)
        let transcript = MeetingTranscript(
            info: info,
            sentences: sentences.enumerated().map { Sentence(startMs: $0 * 1000, endMs: $0 * 1000 + 900, text: $1) }
        )
        return try await store.importMeeting(transcript)
    }

    func searchTexts(_ query: String, meeting: Int64? = nil) async throws -> [String] {
        try await store.search(SearchQuery(query), meetingID: meeting).map(\.sentence.text)
    }
}
