import Foundation
import Session
import Store
import TUIModel
import TUIRender
import TUITerminal

/// The meeting screen over a recording: the composition root that ties the recorder, the archive
/// and the screen loop together, and the only place that starts their tasks.
package struct MeetingScreen: Sendable {
    package struct Settings: Sendable {
        package var title: String
        /// "offline · pocketsphinx en-us"
        package var engineLabel: String
        package var connection: ConnectionState
        package var sources: [String]
        package var theme: Theme
        package var noColor: Bool
        /// Where `e` writes the meeting's Markdown.
        package var exportFolder: String
        /// Where stderr goes while the screen is up.
        package var logPath: String
        /// Whether `s` can summarize, and how (nil: it says why not, from `summaryAccess`).
        package var summaryAccess: SummaryAccess = .unavailable(
            "Summaries need a DashScope API key: DASHSCOPE_API_KEY, or api_key in [dashscope] of the configuration file."
        )
        package var summarize: MeetingSummarizer?
        /// How `r` in a past meeting transcribes it again (nil: this recording has no engine).
        package var retranscribe: PastMeetingRetranscriber?

        package init(
            title: String, engineLabel: String, connection: ConnectionState, sources: [String], theme: Theme,
            noColor: Bool,
            exportFolder: String, logPath: String
        ) {
            self.title = title
            self.engineLabel = engineLabel
            self.connection = connection
            self.sources = sources
            self.theme = theme
            self.noColor = noColor
            self.exportFolder = exportFolder
            self.logPath = logPath
        }
    }

    let settings: Settings
    let store: MeetingStore
    let recorder: MeetingRecorder

    package init(settings: Settings, store: MeetingStore, recorder: MeetingRecorder) {
        self.settings = settings
        self.store = store
        self.recorder = recorder
    }

    /// Shows the screen until the meeting is stopped (a key, or `stopRequests` yielding) and closed.
    /// - Throws: `TerminalError` when the screen can't open; the caller then stops the recorder.
    package func run(stopRequests: AsyncStream<Void>) async throws -> AppState {
        var initial = AppState(
            title: settings.title, engine: settings.engineLabel, connection: settings.connection,
            sources: settings.sources,
            size: Size(width: 80, height: 24)
        )
        initial.summaryAccess = settings.summarize == nil ? initial.summaryAccess : settings.summaryAccess
        initial.canRetranscribe = settings.retranscribe != nil
        let loop = ScreenLoop(state: initial, clock: { [recorder] in recorder.elapsedMs })
        let runner = ScreenEffectRunner(store: store, recorder: recorder, exportFolder: settings.exportFolder)
        let (longEffects, longEffectRequested) = AsyncStream.makeStream(of: Effect.self)
        let stderr = StderrRedirect(logPath: settings.logPath)
        defer { stderr?.restore() }
        return try await withThrowingTaskGroup(of: AppState?.self) { group in
            group.addTask { [recorder] in
                for await event in recorder.events { RecorderMessages.messages(for: event).forEach(loop.post) }
                return nil
            }
            group.addTask {
                // One effect at a time, in order: a note typed after a bookmark is saved after it.
                // A summary or a re-transcription takes a while: each goes to a task of its own, and the
                // bookmarks wait for nothing.
                for await effect in loop.effects {
                    if effect.takesAWhile {
                        longEffectRequested.yield(effect)
                    } else {
                        await runner.run(effect).forEach(loop.post)
                    }
                }
                return nil
            }
            group.addTask { [settings] in
                await withTaskGroup(of: Void.self) { running in
                    for await effect in longEffects {
                        running.addTask { await runner.runLong(effect, settings: settings, post: loop.post) }
                    }
                }
                return nil
            }
            group.addTask {
                for await _ in stopRequests { loop.post(.stopRequested) }
                return nil
            }
            let (theme, noColor) = (settings.theme, settings.noColor)
            group.addTask { try await loop.run { try NCursesBackend(theme: theme, noColor: noColor) } }
            var final: AppState?
            while let result = try await group.next() {
                if let result {
                    final = result
                    group.cancelAll()
                }
            }
            return final ?? initial
        }
    }
}
