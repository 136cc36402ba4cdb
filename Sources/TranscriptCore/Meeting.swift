/// What a meeting is, apart from its transcript: the fields the archive and the interchange format share.
package struct MeetingInfo: Sendable, Equatable {
    package var title: String
    package var startedAt: MeetingStart
    /// Length of the meeting in milliseconds; `nil` while it records or when unknown.
    package var durationMs: Int?
    /// A BCP 47 tag such as `en` or `zh`, when known.
    package var language: String?
    package var engine: String?
    package var model: String?
    /// Unique, sorted tags (see `MeetingInfo.normalizedTags`).
    package var tags: [String]

    package init(
        title: String, startedAt: MeetingStart, durationMs: Int? = nil, language: String? = nil,
        engine: String? = nil, model: String? = nil, tags: [String] = []
    ) {
        self.title = title
        self.startedAt = startedAt
        self.durationMs = durationMs
        self.language = language
        self.engine = engine
        self.model = model
        self.tags = MeetingInfo.normalizedTags(tags)
    }

    /// Tags are a set to the user; keeping them sorted makes every output deterministic.
    package static func normalizedTags(_ tags: [String]) -> [String] {
        Array(Set(tags.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })).sorted()
    }
}

/// Where a meeting is in its life.
package enum MeetingStatus: String, Sendable, Equatable, CaseIterable {
    /// A recorder is (or was, until a crash) appending to it.
    case recording
    case complete
    /// Left `recording` by a recorder that died; its sentences and audio are intact.
    case interrupted
}

/// A whole meeting as the user sees it: what the interchange format carries.
package struct MeetingTranscript: Sendable, Equatable {
    package var info: MeetingInfo
    /// In time order (start, then end).
    package var sentences: [Sentence]
    package var bookmarks: [Bookmark]
    package var notes: [Note]
    /// Stretches the engine never transcribed, in time order.
    package var gaps: [TranscriptGap]

    package init(
        info: MeetingInfo, sentences: [Sentence] = [], bookmarks: [Bookmark] = [], notes: [Note] = [],
        gaps: [TranscriptGap] = []
    ) {
        self.info = info
        self.sentences = sentences
        self.bookmarks = bookmarks
        self.notes = notes
        self.gaps = gaps
    }

    /// The meeting's length: the recorded duration, else the end of the last thing in it.
    package var effectiveDurationMs: Int {
        if let duration = info.durationMs { return duration }
        let ends = sentences.map(\.endMs) + bookmarks.map(\.atMs) + notes.map(\.atMs) + gaps.map(\.endMs)
        return ends.max() ?? 0
    }
}

/// A meeting as the archive holds it: its transcript plus what only the archive knows.
package struct ArchivedMeeting: Sendable, Equatable {
    package var id: Int64
    package var status: MeetingStatus
    /// The first track's file (the meeting's audio when it has one source).
    package var audioPath: String?
    package var audioTracks: [AudioTrack]
    package var gaps: [AudioGap]
    /// The billable audio a cloud engine reported, in seconds, summed over its tasks.
    package var billedSeconds: Int?
    /// Which transcript of the audio `transcript` is: 1 until a re-transcription (`TranscriptVersion`).
    package var transcriptVersion: Int
    package var transcript: MeetingTranscript

    package init(
        id: Int64, status: MeetingStatus, audioPath: String?, audioTracks: [AudioTrack] = [], gaps: [AudioGap] = [],
        billedSeconds: Int? = nil, transcriptVersion: Int = 1, transcript: MeetingTranscript
    ) {
        self.transcriptVersion = transcriptVersion
        self.id = id
        self.status = status
        self.audioPath = audioPath
        self.audioTracks = audioTracks
        self.gaps = gaps
        self.billedSeconds = billedSeconds
        self.transcript = transcript
    }
}

/// One line of `verbatim list`.
package struct MeetingSummary: Sendable, Equatable {
    package var id: Int64
    package var title: String
    package var startedAt: MeetingStart
    package var durationMs: Int?
    package var sentenceCount: Int
    package var status: MeetingStatus
    package var tags: [String]

    package init(
        id: Int64, title: String, startedAt: MeetingStart, durationMs: Int?, sentenceCount: Int,
        status: MeetingStatus, tags: [String]
    ) {
        self.id = id
        self.title = title
        self.startedAt = startedAt
        self.durationMs = durationMs
        self.sentenceCount = sentenceCount
        self.status = status
        self.tags = tags
    }
}

extension String {
    package func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
