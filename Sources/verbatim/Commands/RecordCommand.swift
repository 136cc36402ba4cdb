import ArgumentParser
import AudioCapture
import AudioCore
import Foundation
import Session
import TranscriptCore

/// The default subcommand: records a meeting from one or more PulseAudio sources into the archive.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a meeting (the default when no subcommand is given).",
        discussion: """
            Records until Ctrl-C (SIGINT), SIGTERM or --duration, then closes the meeting as complete. Each \
            source's audio is kept in the data folder's audio/ directory, next to the archive.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("source"), help: ArgumentHelp(
        "A source to record: NAME or a unique part of its description, optionally LABEL=NAME (repeatable; default: the default source).",
        valueName: "source"
    ))
    var sources: [String] = []

    @Option(help: "The recognition engine: none (audio only).") var engine: EngineChoice = .none
    @Option(help: "The meeting's title (default: \"Meeting\" and the date).") var title: String?
    @Option(help: ArgumentHelp("Stop after this many seconds.", valueName: "seconds")) var duration: Double?
    @Flag(help: "No screen: status lines on stderr, finalized sentences on stdout.") var plain = false

    enum EngineChoice: String, ExpressibleByArgument, CaseIterable {
        case none
    }

    func validate() throws {
        if let duration, !(duration > 0) { throw ValidationError("--duration must be a positive number of seconds.") }
    }

    func run() async throws {
        try await reportingFailures {
            let store = try await global.openStore()
            let chosen = try Self.chooseSources(sources.map(SourceRequest.init(argument:)))
            if !plain { StandardError.write(RecordingStatus.noScreenYet) }
            let start = MeetingStart.now()
            let info = MeetingInfo(title: title ?? "Meeting \(start.displayDateTime)", startedAt: start, engine: engine.rawValue)
            let recorder = try await MeetingRecorder(
                store: store, info: info, sources: chosen, server: nil,
                audioFolder: global.audioFolder, deliversChunks: false
            )
            let reporter = Task { for await event in recorder.events { RecordingStatus.line(for: event).map(StandardError.write) } }
            StandardError.write(RecordingStatus.started(id: recorder.meetingID, title: info.title, tracks: recorder.tracks))
            let reason = await StopCondition.wait(duration: duration)
            StandardError.write(RecordingStatus.stopping(reason))
            let result = try await recorder.stop()
            await reporter.value
            StandardError.write(RecordingStatus.saved(result))
        }
    }

    /// The sources the user asked for (the default source when none), each with its label.
    static func chooseSources(_ requests: [SourceRequest]) throws -> [RecordingSource] {
        let available = try PulseSourceCatalog.sources(server: nil)
        let wanted = requests.isEmpty ? [SourceRequest(query: nil)] : requests
        let devices = try wanted.map { request in
            do throws(SourceSelectionError) { return try SourceSelection.select(request.query, from: available) } catch {
                throw AudioError.sourceSelection(error)
            }
        }
        let labels = SourceRequest.labels(requests: wanted, sources: devices)
        return zip(devices, labels).map { RecordingSource(device: $0, label: $1) }
    }
}
