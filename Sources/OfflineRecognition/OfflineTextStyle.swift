/// PocketSphinx's output is lowercase with no punctuation; the transcript reads better as sentences.
/// The words themselves are never changed.
enum OfflineTextStyle {
    /// "let's meet i think" → "Let's meet I think" (`period` adds the full stop of a finished sentence).
    static func sentence(_ words: [String], period: Bool) -> String {
        guard !words.isEmpty else { return "" }
        var styled = words.map(capitalizingPronounI)
        styled[0] = styled[0].prefix(1).uppercased() + styled[0].dropFirst()
        return styled.joined(separator: " ") + (period ? "." : "")
    }

    private static func capitalizingPronounI(_ word: String) -> String {
        word == "i" || word.hasPrefix("i'") ? "I" + word.dropFirst() : word
    }
}
