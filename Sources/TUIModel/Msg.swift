import AudioCore
import TranscriptCore

/// Everything that can change the screen's state: keys, the terminal's size, the clock, and what
/// the recorder, the engine and the archive report.
package enum Msg: Sendable, Equatable {
    case key(Key)
    case resized(Size)
    /// The meeting clock advanced.
    case clock(elapsedMs: Int)
    case level(source: String, AudioLevel)
    /// The source stopped recording (its audio server went away); capture retries.
    case sourceLost(source: String, reason: String)
    /// The source records again; `gap` is the stretch it could not record.
    case sourceBack(AudioGap)
    /// The sentence being spoken on `source` (nil: silence), of which the engine may still rewrite
    /// the tail `provisional`.
    case partial(source: String, text: String?, provisional: String = "")
    /// A final, saved in the archive.
    case finalized(Sentence)
    case connection(ConnectionState)
    case latency(ms: Int)
    /// The recognizer has skipped this much of `source`'s audio so far (the file has it).
    case dropped(source: String, totalMs: Int)
    case notTranscribed(source: String?, startMs: Int, endMs: Int)
    case bookmarkSaved(Bookmark)
    case noteSaved(Note)
    case titleSaved(String)
    case exported(path: String)
    case searchFinished(query: String, results: [SearchResultRow])
    /// A past meeting's entries, to open read-only at `focusMs`.
    case meetingOpened(id: Int64, title: String, entries: [TranscriptEntry], focusMs: Int)
    /// Something failed; the text says what and what to do (`userMessage(for:)`).
    case failed(String)
    /// Something worth knowing that needs no action (a source came back, the engine refused a setting
    /// and went on); it fades.
    case info(String)
    /// The summary's next piece of text, as the model writes it.
    case summaryText(String)
    /// What the summarizer is doing (a part of a long meeting, a retry).
    case summaryStatus(String)
    case summarySaved
    case summaryFailed(String)
    /// A past meeting's re-transcription has sent this share of its audio (0–100).
    case retranscribing(id: Int64, percent: Int)
    /// It replaced the meeting's transcript: what to tell the user.
    case retranscribed(id: Int64, message: String)
    case retranscriptionFailed(id: Int64, message: String)
    /// Stop without asking: a signal, `--duration`, or the terminal went away.
    case stopRequested
    /// The meeting is closed: the screen can go.
    case stopped
}

/// What `update` asks the world to do; the app carries it out and answers with a `Msg`.
package enum Effect: Sendable, Equatable {
    case saveBookmark(Bookmark)
    case saveNote(Note)
    case setTitle(String)
    /// Recognition stops (silence goes to the engine so nothing is invented and no timeout fires).
    case pause(atMs: Int)
    /// Recognition resumes; the pause from `fromMs` to `toMs` is saved with the meeting.
    case resume(fromMs: Int, toMs: Int)
    case export
    case search(String)
    case openMeeting(id: Int64, atMs: Int)
    /// Summarize the meeting so far and save the summary with it.
    case summarize
    /// Transcribe a past meeting's audio again, replacing its transcript (the old one kept).
    case retranscribe(id: Int64)
    /// Stop recording: finalize the last partial, close the meeting.
    case stop
}
