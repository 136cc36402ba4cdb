/// Reads a `text/event-stream` body (the WHATWG HTML "server-sent events" format) as its bytes come:
/// lines end with LF, CRLF or CR; `data:` lines accumulate, a blank line dispatches the event; `:`
/// lines are comments; the other fields (`event`, `id`, `retry`) mean nothing to a chat stream and are
/// skipped. Only what this client needs: the `data` of each event.
package struct ServerSentEvents: Sendable {
    private var line: [UInt8] = []
    private var data: [String] = []
    private var lastWasCR = false

    package init() {}

    /// Takes the next bytes; returns the data of every event they complete.
    package mutating func consume(_ bytes: some Sequence<UInt8>) -> [String] {
        var events: [String] = []
        for byte in bytes {
            if lastWasCR, byte == 0x0A {  // the LF of a CRLF: the line already ended
                lastWasCR = false
                continue
            }
            lastWasCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                if let event = endLine() { events.append(event) }
            } else {
                line.append(byte)
            }
        }
        return events
    }

    /// The end of the body: an event without its blank line is not dispatched (the spec's rule), so
    /// a stream cut mid-event yields nothing of it.
    package var hasPartialEvent: Bool { !line.isEmpty || !data.isEmpty }

    private mutating func endLine() -> String? {
        defer { line = [] }
        guard !line.isEmpty else {
            guard !data.isEmpty else { return nil }
            defer { data = [] }
            return data.joined(separator: "\n")
        }
        let text = String(decoding: line, as: UTF8.self)
        guard !text.hasPrefix(":") else { return nil }
        let field = text.prefix { $0 != ":" }
        var value = text.dropFirst(field.count).dropFirst()
        if value.hasPrefix(" ") { value = value.dropFirst() }
        if field == "data" { data.append(String(value)) }
        return nil
    }
}
