import Export
import Foundation
import Synchronization
import Session
import Store
import TUIModel
import TranscriptCore

/// Carries out what the screen asks (save a bookmark, search, export, stop) against the archive and
/// the recorder, and answers each with the message the screen shows.
struct ScreenEffectRunner: Sendable {
    let store: MeetingStore
    let recorder: MeetingRecorder
    /// Where `e` writes the Markdown export.
    let exportFolder: String
    /// The file this screen's `e` writes, chosen at the first press.
    private let exportFile = ExportFile()

    init(store: MeetingStore, recorder: MeetingRecorder, exportFolder: String) {
        self.store = store
        self.recorder = recorder
        self.exportFolder = exportFolder
    }

    /// Runs one effect; returns the messages that report it (an error becomes `.failed`).
    func run(_ effect: Effect) async -> [Msg] {
        do {
            return try await perform(effect)
        } catch {
            return [.failed(userMessage(for: error) + ((error as? any UserFacingError)?.hint.map { " " + $0 } ?? ""))]
        }
    }

    private func perform(_ effect: Effect) async throws -> [Msg] {
        let meetingID = recorder.meetingID
        switch effect {
        case let .saveBookmark(bookmark):
            try await store.addBookmark(bookmark, to: meetingID)
            return [.bookmarkSaved(bookmark)]
        case let .saveNote(note):
            try await store.addNote(note, to: meetingID)
            return [.noteSaved(note)]
        case let .setTitle(title):
            try await store.rename(meetingID, to: title)
            return [.titleSaved(title)]
        case .pause:
            recorder.setRecognitionPaused(true)
            return []
        case let .resume(fromMs, toMs):
            recorder.setRecognitionPaused(false)
            try await store.addTranscriptGap(
                TranscriptGap(source: nil, startMs: fromMs, endMs: toMs, reason: .paused), to: meetingID)
            return []
        case .export: return [.exported(path: try await export(meetingID))]
        case let .search(query): return [.searchFinished(query: query, results: try await search(query))]
        case let .openMeeting(id, atMs):
            let meeting = try await store.meeting(id)
            return [
                .meetingOpened(
                    id: id, title: meeting.transcript.info.title, entries: Self.entries(of: meeting.transcript),
                    focusMs: atMs)
            ]
        case .stop:
            _ = try await recorder.stop()
            return [.stopped]
        case .summarize, .retranscribe: return []  // each on a task of its own: `runLong`
        }
    }

    /// An effect that takes a while (`Effect.takesAWhile`), reporting as it goes.
    func runLong(_ effect: Effect, settings: MeetingScreen.Settings, post: @escaping @Sendable (Msg) -> Void) async {
        switch effect {
        case .summarize:
            if let summarizer = settings.summarize { await summarize(with: summarizer, post: post) }
        case let .retranscribe(id):
            guard let retranscribe = settings.retranscribe else { return }
            guard id != recorder.meetingID else {
                return post(.retranscriptionFailed(id: id, message: "This is the meeting being recorded."))
            }
            do {
                let message = try await retranscribe.run(id) { post(.retranscribing(id: id, percent: $0)) }
                post(.retranscribed(id: id, message: message))
            } catch {
                post(.retranscriptionFailed(id: id, message: Self.describe(error)))
            }
        default: await run(effect).forEach(post)
        }
    }

    /// An error as the footer shows it: the message and its hint.
    static func describe(_ error: any Error) -> String {
        userMessage(for: error) + ((error as? any UserFacingError)?.hint.map { " " + $0 } ?? "")
    }

    /// Summarizes the meeting so far, posting the text as it comes; saves the summary when it is whole.
    func summarize(with summarizer: MeetingSummarizer, post: @escaping @Sendable (Msg) -> Void) async {
        do {
            let meeting = try await store.meeting(recorder.meetingID)
            let transcript = meeting.transcript
            guard !(transcript.sentences.isEmpty && transcript.notes.isEmpty && transcript.bookmarks.isEmpty) else {
                return post(.summaryFailed("Nothing to summarize yet: no sentence, note or bookmark."))
            }
            let summary = try await summarizer.summarize(
                meeting.transcript, transcriptVersion: meeting.transcriptVersion,
                onText: { post(.summaryText($0)) }, status: { post(.summaryStatus($0)) })
            try await store.saveSummary(summary, for: recorder.meetingID)
            post(.summarySaved)
        } catch {
            post(
                .summaryFailed(userMessage(for: error) + ((error as? any UserFacingError)?.hint.map { " " + $0 } ?? ""))
            )
        }
    }

    /// The meeting so far as Markdown, in the export folder: written again on each `e`, but never
    /// over a file this screen didn't write (as `export` refuses without --force): a name already
    /// taken gets `-2`, `-3`.
    private func export(_ meetingID: Int64) async throws -> String {
        let meeting = try await store.meeting(meetingID)
        let path = exportFile.path { [exportFolder] in
            let base = exportFolder + "/verbatim-meeting-\(meetingID)"
            return ([""] + (2...99).map { "-\($0)" }).lazy.map { base + $0 + ".md" }
                .first { !FileManager.default.fileExists(atPath: $0) } ?? base + "-\(UUID().uuidString.prefix(8)).md"
        }
        try Data(ExportFormat.markdown.render(meeting.transcript, audioGaps: meeting.gaps).utf8).write(
            to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }

    private func search(_ text: String) async throws -> [SearchResultRow] {
        let query = SearchQuery(text)
        return try await store.search(query, limit: 50).map { hit in
            let snippet = SearchSnippet(text: hit.sentence.text, query: query, maxCharacters: 200)
            // A note, bookmark or title says what it is, as `verbatim search` does.
            let label = hit.kind == .sentence ? "" : hit.kind.rawValue + ": "
            var highlights: [Range<Int>] = []
            var offset = label.count
            for part in snippet.parts {
                if part.isMatch { highlights.append(offset..<(offset + part.text.count)) }
                offset += part.text.count
            }
            return SearchResultRow(
                meetingID: hit.meetingID, meetingTitle: hit.meetingTitle,
                meetingDate: hit.meetingStart.inLocalTime.displayDateTime,
                atMs: hit.sentence.startMs, text: label + snippet.plainText, highlights: highlights
            )
        }
    }

    /// A stored meeting as scrollback entries.
    static func entries(of transcript: MeetingTranscript) -> [TranscriptEntry] {
        transcript.sentences.map(TranscriptEntry.sentence) + transcript.bookmarks.map(TranscriptEntry.bookmark)
            + transcript.notes.map(TranscriptEntry.note)
            + transcript.gaps.map(TranscriptEntry.gap)
    }
}

/// The export file of one screen, chosen once.
private final class ExportFile: Sendable {
    private let chosen = Mutex<String?>(nil)

    func path(choosing choose: () -> String) -> String {
        chosen.withLock { path in
            if let path { return path }
            let new = choose()
            path = new
            return new
        }
    }
}
