import Summary
import TranscriptCore

/// Makes a meeting's summary with a chat model: the whole transcript in one streamed request when it
/// fits, else each part on its own and then the parts' summaries merged (streamed). Asks again only
/// where that can help: after a 429 (waiting what the service asks), once after a failure that may
/// pass, and with smaller parts when the input was too long.
package struct Summarizer: Sendable {
    package struct Settings: Sendable {
        package var model: String
        /// The most transcript characters in one request (see `TranscriptLines.parts`).
        package var partCharacters: Int
        package var rateLimitRetries = 3
        /// The longest wait a `Retry-After` is followed for; a longer one gives up.
        package var longestWaitSeconds = 60

        package init(model: String, partCharacters: Int) {
            self.model = model
            self.partCharacters = partCharacters
        }
    }

    /// What the summarizer tells its user while it works (the CLI writes these on stderr).
    package enum Progress: Sendable, Equatable {
        case summarizingPart(Int, of: Int)
        case mergingParts(Int)
        case waitingForRateLimit(seconds: Int)
        case askingAgain(SummaryError)
        case splittingTooLong
    }

    let client: ChatCompletionsClient
    let settings: Settings
    let host: String
    /// Waits before asking again; tests and the CLI pass `Task.sleep`.
    let wait: @Sendable (Int) async -> Void

    package init(
        client: ChatCompletionsClient, host: String, settings: Settings,
        wait: @escaping @Sendable (Int) async -> Void = { try? await Task.sleep(for: .seconds($0)) }
    ) {
        self.client = client
        self.host = host
        self.settings = settings
        self.wait = wait
    }

    /// The summary's Markdown. `onText` gets the final answer's text as it streams (a retry after a
    /// cut stream starts it again, said through `progress` first).
    package func summarize(
        _ transcript: MeetingTranscript, onText: @escaping @Sendable (String) -> Void,
        progress: @escaping @Sendable (Progress) -> Void
    ) async throws(SummaryError) -> String {
        let lines = TranscriptLines.lines(of: transcript)
        let parts = TranscriptLines.parts(lines, characters: settings.partCharacters)
        let context = Context(title: transcript.info.title, language: transcript.info.language, progress: progress)
        if parts.count == 1 {
            do {
                let messages = SummaryPrompt.messages(title: context.title, language: context.language, lines: lines)
                return try await ask(messages, streaming: true, onText: onText, context)
            } catch let failure as TooLong where lines.count > 1 {
                _ = failure
                progress(.splittingTooLong)
                return try await summarizeInParts(halves(lines), onText: onText, context)
            } catch let failure as TooLong {
                throw .contextTooLong(model: settings.model, message: failure.message)
            } catch let error as SummaryError { throw error } catch { throw .unreadableAnswer(host: host) }
        }
        return try await summarizeInParts(parts, onText: onText, context)
    }

    private struct Context: Sendable {
        var title: String
        var language: String?
        var progress: @Sendable (Progress) -> Void
    }

    /// The input was too long for the model (a failure to split on, not to show).
    private struct TooLong: Error {
        var message: String?
    }

    private func summarizeInParts(_ parts: [[String]], onText: @escaping @Sendable (String) -> Void, _ context: Context)
        async throws(SummaryError) -> String
    {
        var summaries: [String] = []
        for (index, part) in parts.enumerated() {
            context.progress(.summarizingPart(index + 1, of: parts.count))
            summaries.append(try await partSummary(part, number: index + 1, of: parts.count, context))
        }
        context.progress(.mergingParts(parts.count))
        let messages = SummaryPrompt.mergeMessages(
            title: context.title, language: context.language, partSummaries: summaries)
        do { return try await ask(messages, streaming: true, onText: onText, context) } catch let failure as TooLong {
            throw .contextTooLong(model: settings.model, message: failure.message)
        } catch let error as SummaryError { throw error } catch { throw .unreadableAnswer(host: host) }
    }

    /// One part's summary, not streamed; a part still too long is split in two and its halves merged.
    private func partSummary(_ lines: [String], number: Int, of count: Int, _ context: Context)
        async throws(SummaryError) -> String
    {
        let messages = SummaryPrompt.messages(
            title: context.title, language: context.language, lines: lines, part: number, parts: count)
        do { return try await ask(messages, streaming: false, onText: { _ in }, context) } catch let failure as TooLong
        {
            guard lines.count > 1 else { throw .contextTooLong(model: settings.model, message: failure.message) }
            context.progress(.splittingTooLong)
            let pieces = halves(lines)
            var texts: [String] = []
            for piece in pieces { texts.append(try await partSummary(piece, number: number, of: count, context)) }
            return texts.joined(separator: "\n\n")
        } catch let error as SummaryError { throw error } catch { throw .unreadableAnswer(host: host) }
    }

    private func halves(_ lines: [String]) -> [[String]] {
        [Array(lines[..<(lines.count / 2)]), Array(lines[(lines.count / 2)...])]
    }

    /// One request, asked again where that can help. Throws `TooLong` or a `SummaryError`.
    private func ask(
        _ messages: [ChatMessage], streaming: Bool, onText: @escaping @Sendable (String) -> Void, _ context: Context
    ) async throws -> String {
        let request = ChatRequest(model: settings.model, messages: messages, stream: streaming)
        var rateLimited = 0
        var transientLeft = 1
        while true {
            do {
                let answer = try await client.send(request, onText: onText)
                if answer.finishReason == "length" { throw SummaryError.truncatedByModel(model: settings.model) }
                return answer.text
            } catch let failure as ChatFailure {
                switch failure {
                case let .fatal(error): throw error
                case let .contextTooLong(message): throw TooLong(message: message)
                case let .transient(error):
                    guard transientLeft > 0 else { throw error }
                    transientLeft -= 1
                    context.progress(.askingAgain(error))
                case let .rateLimited(after):
                    let seconds = after ?? 5
                    guard rateLimited < settings.rateLimitRetries, seconds <= settings.longestWaitSeconds else {
                        throw SummaryError.rateLimited(host: host, retries: rateLimited + 1)
                    }
                    rateLimited += 1
                    context.progress(.waitingForRateLimit(seconds: seconds))
                    await wait(seconds)
                }
            }
        }
    }
}
