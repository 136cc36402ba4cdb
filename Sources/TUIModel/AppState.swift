/// Everything the meeting screen shows, as one value: `update` changes it, `render` draws it.
package struct AppState: Sendable, Equatable {
    package var title: String
    /// "offline · pocketsphinx en-us", "dashscope · fun-asr-realtime", or "none".
    package var engine: String
    package var recording: RecordingState = .recording
    package var connection: ConnectionState
    /// Meeting time, from the recorder's clock.
    package var elapsedMs = 0
    /// How far results trail the audio, when the engine measures it.
    package var latencyMs: Int?
    /// Milliseconds of audio the recognizer could not keep up with, per source (the audio file has them).
    package var droppedMs: [String: Int] = [:]
    package var meters: [MeterState]
    package var transcript: WrappedTranscript
    /// The sentence being spoken on each source, in meter order.
    package var partials: [String: LiveText] = [:]
    package var scroll = ScrollState()
    package var overlay: Overlay?
    /// The search a past meeting was opened from, to go back to.
    package var lastSearch: SearchState?
    package var flash: Flash?
    package var size: Size
    /// Set when the meeting is closed: the screen loop ends.
    package var finished = false
    /// The first row of the help shown, when the screen is too short for all of it.
    package var helpOffset = 0
    /// Counts Ctrl-L presses: when it changes, the screen loop repaints every cell.
    package var repaintRequests = 0
    /// What `s` can do, set by the app from the configuration.
    package var summaryAccess = SummaryAccess.unavailable(
        "Summaries need a DashScope API key: DASHSCOPE_API_KEY, or api_key in [dashscope] of the configuration file.")
    /// The summary being written, or the last one; nil before the first `s`.
    package var summary: SummaryPane?
    /// Whether `r` in a past meeting can re-transcribe it (the app has an engine for it).
    package var canRetranscribe = false
    /// The past meeting being re-transcribed (one at a time), and how far it has got.
    package var retranscription: RetranscriptionProgress?

    package init(title: String, engine: String, connection: ConnectionState, sources: [String], size: Size) {
        self.title = title
        self.engine = engine
        self.connection = connection
        meters = sources.map { MeterState(source: $0) }
        self.size = size
        transcript = WrappedTranscript(width: Self.scrollbackTextWidth(size))
    }

    /// The scrollback's text width: the screen less a column of margin on each side.
    package var scrollbackTextWidth: Int { Self.scrollbackTextWidth(size) }

    private static func scrollbackTextWidth(_ size: Size) -> Int { max(1, size.width - 2) }

    package var layout: ScreenLayout { ScreenLayout(size: size, meterCount: meters.count) }

    /// The sources not recording now (their audio server went away).
    package var lostSources: [String] { meters.filter { $0.lostReason != nil }.map(\.source) }

    /// How far up the scrollback can go: until its first line is at the top of the view.
    package var maxScrollOffset: Int { max(0, transcript.lineCount - layout.scrollback.height) }
}

/// A message in the footer: what an action did, or what went wrong.
package struct Flash: Sendable, Equatable {
    package var text: String
    package var isError: Bool
    /// Meeting ms when it was shown; information fades after `infoMs`, errors stay until a key.
    package var shownAtMs: Int

    package static let infoMs = 5_000

    package init(text: String, isError: Bool, shownAtMs: Int) {
        self.text = text
        self.isError = isError
        self.shownAtMs = shownAtMs
    }
}

/// The sentence being spoken: its text so far, of which the engine may still rewrite the tail
/// `provisional` (a suffix of `text`, empty when the engine does not say).
package struct LiveText: Sendable, Equatable {
    package var text: String
    package var provisional: String

    package init(text: String, provisional: String = "") {
        self.text = text
        self.provisional = text.hasSuffix(provisional) ? provisional : ""
    }
}
