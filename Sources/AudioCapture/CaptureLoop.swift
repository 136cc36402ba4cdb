import AudioCore

/// The body of a capture thread: everything in it lives on that thread only.
struct CaptureLoop {
    private let capture: SourceCapture
    private var writer: WAVFileWriter?
    private let meetingStart: ContinuousClock.Instant
    private var stream: PulseRecordStream?
    private var timeline = MeetingTimeline()
    private var meter = LevelMeter()
    private var backoff = Backoff()
    private var droppedChunks = 0
    private var wentLive = false
    /// Set by each (re)connection: the first chunk read after it is placed on the meeting clock.
    private var needsClockAlignment = false
    /// Set while the source is away: when, in meeting time, its audio stopped.
    private var lostAtMs: Int64?

    init(capture: SourceCapture, writer: WAVFileWriter?, meetingStart: ContinuousClock.Instant) {
        self.capture = capture
        self.writer = writer
        self.meetingStart = meetingStart
    }

    private var configuration: SourceCapture.Configuration { capture.configuration }
    private var label: String { configuration.label }

    mutating func run() -> CaptureSummary {
        var samples = [Int16](repeating: 0, count: PCMFormat.chunkFrames)
        while !capture.stopRequested {
            guard let stream = stream ?? connect() else { continue }
            do {
                try stream.read(into: &samples, device: configuration.device)
            } catch {
                lose(reason: Self.reason(error))
                continue
            }
            if needsClockAlignment {
                needsClockAlignment = false
                alignWithClock(beforeChunkOf: samples.count)
            }
            if !wentLive {
                wentLive = true
                capture.emit(.live(source: label))
            }
            consume(samples)
        }
        stream = nil
        closeFile()
        return CaptureSummary(
            source: label, frames: timeline.framesWritten, droppedChunks: droppedChunks,
            audioPath: configuration.audioPath
        )
    }

    /// Opens the record stream; on failure reports the loss once and waits out a backoff delay.
    private mutating func connect() -> PulseRecordStream? {
        do {
            let opened = try PulseRecordStream(
                server: configuration.server, device: configuration.device, streamName: label)
            stream = opened
            backoff.reset()
            needsClockAlignment = true
            return opened
        } catch {
            lose(reason: Self.reason(error))
            capture.waitUnlessStopped(milliseconds: backoff.nextDelayMs())
            return nil
        }
    }

    private mutating func lose(reason: String) {
        stream = nil
        guard lostAtMs == nil else { return }
        lostAtMs = PCMFormat.milliseconds(frames: timeline.framesWritten)
        capture.emit(.lost(source: label, reason: reason))
        flushFile()
    }

    /// Silence for the time no audio came, so that the chunk just read (which ends now) sits at its
    /// meeting time: reported as a gap after an outage; at the start (a sink waking up can take a
    /// second or two) it is only leading silence.
    private mutating func alignWithClock(beforeChunkOf frames: Int) {
        let elapsedMs = (ContinuousClock.now - meetingStart).wholeMilliseconds
        let gap = timeline.fillGap(untilElapsedMs: elapsedMs - PCMFormat.milliseconds(frames: Int64(frames)))
        if let gap { writeFile { writer throws(AudioError) in try writer.appendSilence(frames: gap.frames) } }
        if let lostAtMs {
            let durationMs = gap.map { PCMFormat.milliseconds(frames: $0.frames) } ?? 0
            capture.emit(.resumed(source: label, atMs: lostAtMs, durationMs: durationMs))
            self.lostAtMs = nil
        }
    }

    private mutating func consume(_ samples: [Int16]) {
        let startFrame = timeline.append(frames: samples.count)
        writeFile { writer throws(AudioError) in
            try writer.append(samples)
            try writer.flushIfDue()
        }
        for level in meter.measure(samples) { capture.emit(.level(source: label, level)) }
        guard configuration.deliversChunks else { return }
        if !capture.deliver(AudioChunk(source: label, startFrame: startFrame, samples: samples)) {
            droppedChunks += 1
            capture.emit(.dropped(source: label, total: droppedChunks))
        }
    }

    /// Runs a write; on failure reports it once and stops writing (capture itself goes on).
    private mutating func writeFile(_ body: (inout WAVFileWriter) throws(AudioError) -> Void) {
        guard var current = writer else { return }
        do {
            try body(&current)
            writer = current
        } catch {
            try? current.close()  // releases the descriptor; the error was the one to report
            writer = nil
            capture.emit(.fileFailed(source: label, error: error))
        }
    }

    private mutating func flushFile() { writeFile { writer throws(AudioError) in try writer.flush() } }

    private mutating func closeFile() {
        writeFile { writer throws(AudioError) in try writer.close() }
        writer = nil
    }

    private static func reason(_ error: AudioError) -> String {
        switch error {
        case let .serverUnreachable(_, reason), let .streamFailed(_, reason): reason
        default: error.userMessage
        }
    }
}
