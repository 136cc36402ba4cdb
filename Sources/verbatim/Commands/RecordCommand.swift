import ArgumentParser
import ConfigurationFile
import AudioCapture
import AudioCore
import Foundation
import Recognition
import Session
import Store
import Synchronization
import TUIModel
import TUIRender
import TUITerminal
import TranscriptCore
import VerbatimApp

/// The default subcommand: records a meeting from one or more PulseAudio sources into the archive.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a meeting (the default when no subcommand is given).",
        discussion: """
            Opens the meeting screen (live sentence, scrollback, meters; `?` lists the keys) and records until \
            you stop it (q), SIGTERM or --duration, then closes the meeting as complete. With --plain there is \
            no screen: status on stderr, sentences on stdout, Ctrl-C stops. Each source's audio is kept in the \
            data folder's audio/ directory, next to the archive.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .customLong("source"),
        help: ArgumentHelp(
            "A source to record: NAME or a unique part of its description, optionally LABEL=NAME (repeatable; default: the default source).",
            valueName: "source"
        ))
    var sources: [String] = []

    @OptionGroup var recognition: EngineOptions
    @Option(help: "The meeting's title (default: \"Meeting\" and the date).") var title: String?
    @Option(help: ArgumentHelp("Stop after this many seconds.", valueName: "seconds")) var duration: Double?
    @Option(
        help: ArgumentHelp(
            "The screen's colours: default, light, high-contrast, monochrome, or a theme of yours (default: the configuration file's).",
            valueName: "name"
        ))
    var theme: String?
    @Flag(help: "No screen: status lines and the live partial on stderr, finalized sentences on stdout.") var plain =
        false
    @Flag(help: "With --plain: one JSON object per sentence and line.") var json = false
    @Flag(help: "With --plain: prefix each sentence with [hh:mm:ss].") var timestamps = false

    func validate() throws {
        if let duration, !(duration > 0) { throw ValidationError("--duration must be a positive number of seconds.") }
    }

    func run() async throws {
        let stop = StopCondition()
        try await reportingFailures {
            let config = try global.loadConfig()
            let theme = try loadTheme(config: config)
            // Refuse before a meeting exists: a screen that can't open would leave an empty one.
            if !plain { try TerminalError.requireTerminal() }
            let status = StatusLine()
            let (engine, explanation) = try recognition.resolve(config: config, arrival: .live)
            let store = try await global.openStore()
            let chosen = try Self.chooseSources(sources.map(SourceRequest.init(argument:)))
            if plain { status.write(explanation) }
            let start = MeetingStart.now()
            let info = MeetingInfo(
                title: title ?? "Meeting \(start.displayDateTime)", startedAt: start,
                language: engine?.identity.language,
                engine: engine?.identity.name ?? "none", model: engine?.identity.model
            )
            let recorder = try await MeetingRecorder(
                store: store, info: info, sources: chosen, server: nil, folders: global.folders, engine: engine
            )
            if !plain {
                var screen = screenSettings(
                    info: info, engine: engine?.identity, sources: recorder.tracks.map(\.source), theme: theme)
                offerSummaries(config: config, on: &screen)
                offerRetranscription(config: config, store: store, on: &screen)
                try await runScreen(screen, recorder: recorder, store: store, stop: stop)
                return
            }
            let output = SentenceOutput(json: json, timestamps: timestamps)
            let reporter = Task {
                var metrics = MetricsOutput()
                var partials = PartialLines()
                for await event in recorder.events {
                    if case let .transcript(.metrics(source, figures)) = event {
                        metrics.record(figures, source: source)
                    }
                    Self.report(event, output: output, status: status, partials: &partials)
                }
                return metrics
            }
            status.write(RecordingStatus.started(id: recorder.meetingID, title: info.title, tracks: recorder.tracks))
            if let reason = await stop.wait(duration: duration) { status.write(RecordingStatus.stopping(reason)) }
            let result = try await recorder.stop()
            let metrics = await reporter.value
            status.clearTransient()
            metrics.write(json: json, status: status)
            status.write(RecordingStatus.saved(result, title: info.title))
        }
    }

    /// The meeting screen until the user stops; then the summary on the restored terminal.
    private func runScreen(
        _ settings: MeetingScreen.Settings, recorder: MeetingRecorder, store: MeetingStore, stop: StopCondition
    ) async throws {
        let (stopRequests, requestStop) = AsyncStream.makeStream(of: Void.self)
        let waiter = Task { [duration] in
            _ = await stop.wait(duration: duration)
            requestStop.yield()
        }
        defer { waiter.cancel() }
        do {
            let final = try await MeetingScreen(settings: settings, store: store, recorder: recorder).run(
                stopRequests: stopRequests)
            StandardError.write(
                RecordingStatus.saved(
                    id: recorder.meetingID, title: final.title, durationMs: final.elapsedMs,
                    sentences: final.transcript.sentenceCount))
        } catch {
            // The screen never opened: close the meeting properly, then say why.
            _ = try? await recorder.stop()
            throw error
        }
    }

    /// The screen's theme, loaded before anything starts: an unknown name (a usage error for
    /// `--theme`) or a broken file is refused, never a recording with the wrong colours.
    private func loadTheme(config: VerbatimConfig) throws -> Theme {
        let environment = ProcessInfo.processInfo.environment
        let folders = ThemeFile.folders(
            environment: environment, executable: Bundle.main.executablePath ?? CommandLine.arguments[0])
        let name = theme ?? config.theme ?? "default"
        let available: [String]
        do throws(ConfigError) {
            return try ThemeFile.load(name: name, folders: folders)
        } catch {
            guard case let .unknownTheme(_, names) = error else { throw error }
            available = names
        }
        let list = available.joined(separator: ", ")
        if theme != nil { throw ValidationError("There is no theme \"\(name)\" (--theme); there are \(list).") }
        throw ConfigError.invalidValue(
            file: config.file ?? "the configuration file", key: "screen.theme",
            problem: "names no theme (\"\(name)\"); there are \(list)"
        )
    }

    /// `s` on the screen: with a key, the configured service (asked about first, once per service);
    /// without one, it says what it needs.
    private func offerSummaries(config: VerbatimConfig, on screen: inout MeetingScreen.Settings) {
        guard let setup = try? SummarySetup(config: config) else { return }
        let services = SummaryServices(folders: global.folders)
        screen.summaryAccess = .available(service: setup.service, askFirst: !services.knows(setup.endpoint.host))
        screen.summarize = MeetingSummarizer { transcript, version, onText, status in
            services.remember(setup.endpoint.host)
            return try await setup.summarize(
                transcript, transcriptVersion: version, onText: onText,
                progress: { status(SummarySetup.words(for: $0)) })
        }
    }

    /// `r` in a past meeting opened from `/`: its audio through this recording's engine again, on one
    /// thread so the live meeting keeps its share of the machine.
    private func offerRetranscription(
        config: VerbatimConfig, store: MeetingStore, on screen: inout MeetingScreen.Settings
    ) {
        let oneThread = {
            var config = config
            config.offline.threads = 1
            return config
        }()
        let options = recognition
        guard (try? options.resolve(config: oneThread, arrival: .file).engine) != nil else { return }
        screen.retranscribe = PastMeetingRetranscriber { id, progress in
            let archived = try await store.meeting(id)
            if archived.status == .recording { throw StoreError.meetingIsLive(id: id) }
            var forMeeting = options
            forMeeting.language = options.language ?? archived.transcript.info.language
            guard let engine = try forMeeting.resolve(config: oneThread, arrival: .file).engine else {
                throw CLIError.noEngineToTranscribe(configFile: config.file ?? "the configuration file")
            }
            let retranscriber = try MeetingRetranscriber(meeting: archived, engine: engine)
            let totalMs = max(1, retranscriber.totalMs)
            let shown = Mutex(-1)  // a message when the percentage changes, not for every chunk
            let new = try await retranscriber.run(finalized: { _ in }) { sentMs in
                let percent = min(100, sentMs * 100 / totalMs)
                if shown.withLock({ last in
                    defer { last = percent }; return last != percent
                }) {
                    progress(percent)
                }
            }
            let number = try await store.replaceTranscript(
                of: id, with: new, replacedAtMs: Int64(Date().timeIntervalSince1970 * 1_000))
            return RetranscribeCommand.replaced(
                id: id, new: new, number: number, oldCount: archived.transcript.sentences.count)
        }
    }

    private func screenSettings(info: MeetingInfo, engine: EngineIdentity?, sources: [String], theme: Theme)
        -> MeetingScreen.Settings
    {
        let environment = ProcessInfo.processInfo.environment
        return MeetingScreen.Settings(
            title: info.title, engineLabel: engine.map { "\($0.name) · \($0.model)" } ?? "no engine",
            connection: engine == nil
                ? .none : ["whisper", "pocketsphinx"].contains(engine?.name ?? "") ? .local : .connecting,
            sources: sources, theme: theme,
            noColor: environment["NO_COLOR"].map { !$0.isEmpty } ?? false,
            exportFolder: FileManager.default.currentDirectoryPath, logPath: global.folders.logFile
        )
    }

    private static func report(
        _ event: RecorderEvent, output: SentenceOutput, status: StatusLine, partials: inout PartialLines
    ) {
        switch event {
        case let .transcript(.finalized(sentence)):
            status.aboveTransient { output.write(sentence) }
        case let .transcript(.partial(source, text, _)):
            guard let text else { return }
            if status.isTerminal {
                status.setTransient(RecordingStatus.partial(source: source, text: text))
            } else if partials.due(source) {
                status.write(RecordingStatus.partial(source: source, text: text))
            }
        default:
            RecorderEventWording.line(for: event).map { status.write($0.text) }
        }
    }

    /// The sources the user asked for (the default source when none), each with its label.
    static func chooseSources(_ requests: [SourceRequest]) throws -> [RecordingSource] {
        let available = try PulseSourceCatalog.sources(server: nil)
        let wanted = requests.isEmpty ? [SourceRequest(query: nil)] : requests
        let devices = try wanted.map { request in
            do throws(SourceSelectionError) { return try SourceSelection.select(request.query, from: available) } catch
            {
                throw AudioError.sourceSelection(error)
            }
        }
        let labels = SourceRequest.labels(requests: wanted, sources: devices)
        do throws(SourceSelectionError) {
            try SourceSelection.requireDistinct(devices: devices, labels: labels, queries: wanted.map { $0.argument })
        } catch {
            throw AudioError.sourceSelection(error)
        }
        return zip(devices, labels).map { RecordingSource(device: $0, label: $1) }
    }
}

/// Partials written as lines (stderr is not a terminal, so they can't be redrawn in place): one per
/// source every few seconds at most, so a log shows progress without a line for every word.
struct PartialLines {
    static let interval: Duration = .seconds(3)
    private var lastWritten: [String: ContinuousClock.Instant] = [:]

    mutating func due(_ source: String, now: ContinuousClock.Instant = .now) -> Bool {
        if let last = lastWritten[source], now - last < Self.interval { return false }
        lastWritten[source] = now
        return true
    }
}
