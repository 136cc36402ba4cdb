import Foundation

/// What the service answers, read from its JSON: a streamed chunk (`choices[0].delta`), a whole
/// answer (`choices[0].message`), or an error (`error.code`, `error.message`).
package enum ChatAnswer {
    /// A piece of a streamed answer: its text and, on the last chunk, why the model stopped.
    package struct Piece: Sendable, Equatable {
        package var text: String
        package var finishReason: String?

        package init(text: String, finishReason: String?) {
            self.text = text
            self.finishReason = finishReason
        }
    }

    /// One `data:` payload of the stream; nil when it is not a chunk this reader understands.
    package static func piece(ofChunk data: String) -> Piece? {
        guard let chunk = try? JSONDecoder().decode(Completion.self, from: Data(data.utf8)) else { return nil }
        let choice = chunk.choices.first
        return Piece(text: choice?.delta?.content ?? choice?.message?.content ?? "", finishReason: choice?.finishReason)
    }

    /// A whole (not streamed) answer's body.
    package static func whole(_ body: Data) -> Piece? {
        guard let completion = try? JSONDecoder().decode(Completion.self, from: body),
            let choice = completion.choices.first, let content = choice.message?.content
        else { return nil }
        return Piece(text: content, finishReason: choice.finishReason)
    }

    /// An error body's code and message, in OpenAI's shape or DashScope's own (`code`, `message`).
    package static func error(in body: Data) -> (code: String?, message: String?) {
        guard let parsed = try? JSONDecoder().decode(ErrorBody.self, from: body) else { return (nil, nil) }
        return (parsed.error?.code ?? parsed.code, parsed.error?.message ?? parsed.message)
    }

    private struct Completion: Decodable {
        var choices: [Choice]
    }

    private struct Choice: Decodable {
        var delta: Content?
        var message: Content?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case delta, message
            case finishReason = "finish_reason"
        }
    }

    private struct Content: Decodable {
        var content: String?
    }

    private struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var code: String?
            var message: String?
        }
        var error: Detail?
        var code: String?
        var message: String?
    }
}
