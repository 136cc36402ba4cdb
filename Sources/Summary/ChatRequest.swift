import Foundation

/// One message of an OpenAI-compatible chat-completions request.
package struct ChatMessage: Sendable, Equatable, Codable {
    package enum Role: String, Sendable, Codable { case system, user, assistant }

    package var role: Role
    package var content: String

    package init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// The body of `POST {base}/chat/completions` (DashScope's compatible mode speaks OpenAI's format).
package struct ChatRequest: Sendable, Equatable, Codable {
    package var model: String
    package var messages: [ChatMessage]
    /// true: the answer comes as server-sent events, `data: {chunk}` lines ending with `data: [DONE]`.
    package var stream: Bool

    package init(model: String, messages: [ChatMessage], stream: Bool) {
        self.model = model
        self.messages = messages
        self.stream = stream
    }

    /// The JSON body. Encoding strings and a flag cannot fail.
    package var body: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}
