import Recognition
import Store
import TranscriptCore

/// What the transcript tells the screen or the CLI, in meeting time.
package enum TranscriptUpdate: Sendable, Equatable {
    /// The sentence being spoken on `source` now reads `text` (nil: nothing is being said), of which
    /// the engine may still rewrite the tail `provisional`.
    case partial(source: String, text: String?, provisional: String = "")
    /// A final, saved to the archive when the transcript saves (so it survives a crash from here on).
    case finalized(Sentence)
    case engineStatus(source: String, EngineStatus)
    case metrics(source: String, EngineMetrics)
    /// The archive refused a final; it is still in `LiveTranscript.finish()`'s result.
    case saveFailed(Sentence, reason: String)
    /// The engine lost this stretch of `source`'s audio (meeting ms); the audio file has it. Saved
    /// to the archive with the meeting when the transcript saves.
    case notTranscribed(source: String, startMs: Int, endMs: Int)
    /// The archive refused to record an untranscribed stretch.
    case gapSaveFailed(TranscriptGap, reason: String)
    /// The engine refused a request of `source`'s session and went on (a sentence for the user).
    case engineNotice(source: String, message: String)
}

/// One engine session per source, their events assembled into the meeting's transcript, and each
/// final saved as it arrives: one short durable transaction, so a crash loses nothing finalized.
///
/// Callers feed each source's session (`session(for:)`) from capture or a file; `finish` ends them.
package actor LiveTranscript {
    /// The updates, unless they are given to `publish` (then it ends at once).
    package nonisolated let updates: AsyncStream<TranscriptUpdate>
    private nonisolated let sessions: [String: any RecognitionSession]
    private let destination: (store: MeetingStore, meetingID: Int64)?
    /// Whether sentences carry their source as the speaker ("Me", "Them"); a lone file's don't.
    private let labelsSpeakers: Bool
    /// Whether `updates` carries partials (a screen or a live line shows them; `transcribe` prints
    /// only finals, and a cloud engine sends several partials for every final). The transcript
    /// follows them either way: `finish` saves a partial no engine finalized.
    private let sendsPartials: Bool
    /// Where updates go: `updates`, or the owner's own stream (`MeetingRecorder` merges them into its
    /// events without a relay task).
    private let publish: @Sendable (TranscriptUpdate) -> Void
    private let updateSink: AsyncStream<TranscriptUpdate>.Continuation
    private var assembler = TranscriptAssembler()
    private var readers: [Task<Void, Never>] = []
    /// The latest billable seconds each source's engine reported.
    private var billedSeconds: [String: Int] = [:]

    /// A session per source (loading a model, or connecting); throws if the engine can't start.
    /// Separate from `init` so a recorder can start the engine before it creates any file.
    package static func startSessions(
        _ engine: (any RecognitionEngine)?, sources: [String]
    ) async throws -> [String: any RecognitionSession] {
        guard let engine else { return [:] }
        var sessions: [String: any RecognitionSession] = [:]
        for source in sources { sessions[source] = try await engine.startSession(source: source) }
        return sessions
    }

    package init(
        sessions: [String: any RecognitionSession], saveTo destination: (store: MeetingStore, meetingID: Int64)?,
        labelsSpeakers: Bool, sendsPartials: Bool = true, publish: (@Sendable (TranscriptUpdate) -> Void)? = nil
    ) async {  // async: an actor's async initializer is isolated, so it can start the readers
        self.sessions = sessions
        self.destination = destination
        self.labelsSpeakers = labelsSpeakers
        self.sendsPartials = sendsPartials
        let (updates, updateSink) = AsyncStream.makeStream(of: TranscriptUpdate.self)
        (self.updates, self.updateSink) = (updates, updateSink)
        if publish != nil { updateSink.finish() }
        self.publish = publish ?? { updateSink.yield($0) }
        readers = sessions.map { source, session in
            Task(executorPreference: session.preferredExecutor) { [weak self] in
                for await event in session.events { await self?.handle(event, source: source) }
            }
        }
    }

    /// Where `source`'s audio goes.
    package nonisolated func session(for source: String) -> (any RecognitionSession)? { sessions[source] }

    /// Ends recognition: every engine finalizes what it heard, then a partial no engine finalized
    /// becomes a final ending at `endMs`. Returns the whole transcript.
    package func finish(endMs: Int) async -> [Sentence] {
        for session in sessions.values { session.finish() }
        for reader in readers { await reader.value }
        for source in sessions.keys.sorted() { await apply(assembler.flush(source: source, endMs: endMs)) }
        await saveBilledSeconds()
        updateSink.finish()
        return assembler.sentences.map(presented)
    }

    private func handle(_ event: RecognitionEvent, source: String) async {
        switch event {
        case let .status(status): publish(.engineStatus(source: source, status))
        case let .metrics(metrics):
            if let billed = metrics.billedSeconds { billedSeconds[source] = billed }
            publish(.metrics(source: source, metrics))
        case let .notTranscribed(startMs, endMs):
            await saveGap(TranscriptGap(source: labelsSpeakers ? source : nil, startMs: startMs, endMs: endMs))
            publish(.notTranscribed(source: source, startMs: startMs, endMs: endMs))
        case let .notice(message): publish(.engineNotice(source: source, message: message))
        case .partial, .final: await apply(assembler.apply(event, source: source))
        }
    }

    private func apply(_ changes: [TranscriptAssembler.Change]) async {
        for change in changes {
            switch change {
            case let .partial(source, partial):
                guard sendsPartials else { continue }
                publish(.partial(source: source, text: partial?.text, provisional: partial?.provisional ?? ""))
            case let .finalized(sentence, _): await save(presented(sentence))
            }
        }
    }

    private func save(_ sentence: Sentence) async {
        if let destination {
            do {
                try await destination.store.appendSentence(
                    sentence, to: destination.meetingID, billedSeconds: billedSecondsSoFar)
            } catch {
                let reason = userMessage(for: error)
                publish(.saveFailed(sentence, reason: reason))
                return
            }
        }
        publish(.finalized(sentence))
    }

    /// A stretch the engine lost is part of the meeting's record, like a sentence.
    private func saveGap(_ gap: TranscriptGap) async {
        guard let destination else { return }
        do { try await destination.store.addTranscriptGap(gap, to: destination.meetingID) } catch {
            let reason = userMessage(for: error)
            publish(.gapSaveFailed(gap, reason: reason))
        }
    }

    /// The service's billable audio so far, summed over sources; nil when no engine reports one.
    private var billedSecondsSoFar: Int? { billedSeconds.isEmpty ? nil : billedSeconds.values.reduce(0, +) }

    /// The service's billable audio goes with every saved sentence, and once more at the end for what
    /// the engines reported after the last one.
    private func saveBilledSeconds() async {
        guard let destination, let total = billedSecondsSoFar else { return }
        try? await destination.store.setBilledSeconds(total, for: destination.meetingID)
    }

    private func presented(_ sentence: Sentence) -> Sentence {
        var sentence = sentence
        if !labelsSpeakers { sentence.speaker = nil }
        return sentence
    }
}
