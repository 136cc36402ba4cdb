/// One `--source` of a recording: what to look for, and the label its sentences and meter carry.
package struct SourceRequest: Sendable, Equatable {
    /// `nil` for the server's default source.
    package var query: String?
    /// An explicit label from `LABEL=QUERY`, else chosen once the source is known.
    package var label: String?

    package init(query: String?, label: String? = nil) {
        self.query = query
        self.label = label
    }

    /// Parses `QUERY` or `LABEL=QUERY` (a PulseAudio name never contains `=`).
    package init(argument: String) {
        if let equals = argument.firstIndex(of: "="), equals != argument.startIndex {
            label = String(argument[..<equals])
            query = String(argument[argument.index(after: equals)...])
        } else {
            label = nil
            query = argument
        }
    }

    /// As the user would type it (`LABEL=QUERY`, `QUERY`, or `default`).
    package var argument: String {
        (label.map { $0 + "=" } ?? "") + (query ?? "default")
    }

    /// Labels for the chosen sources: explicit ones kept; otherwise "Me" for a microphone and "Them"
    /// for a monitor when that makes them unique, else the source's description.
    package static func labels(requests: [SourceRequest], sources: [AudioSourceInfo]) -> [String] {
        let pairs = Array(zip(requests, sources))
        let explicit = Set(pairs.compactMap(\.0.label))
        let guesses = pairs.map { request, source in request.label == nil ? (source.monitor ? "Them" : "Me") : nil }
        return pairs.enumerated().map { index, pair in
            if let label = pair.0.label { return label }
            let guess = guesses[index]!
            let unique = guesses.filter { $0 == guess }.count == 1 && !explicit.contains(guess)
            return unique ? guess : pair.1.description
        }
    }
}
