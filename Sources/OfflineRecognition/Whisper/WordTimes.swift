import TranscriptCore

/// Word times a sentence can be trusted with: in order, inside the sentence, never overlapping.
///
/// Whisper's word times are its tokens' timestamps, which drift: a live sentence's words come from
/// several decodes that dated the same audio differently ("follow-up" 15.28-16.09 s, then "meeting"
/// 15.42-15.91 s), and a window's first words are often dated before the speech the gate heard (so
/// "Our" snapped to the sentence's start came after "main"). The demo's meeting had 4-6 such pairs in
/// 104 (`export --format json`); scripts reading word times must be able to rely on their order.
enum WordTimes {
    /// `words` with each start no earlier than the previous word's, each inside `span`, and each end
    /// between its start and the next word's start. Text and order are kept; only times move.
    static func ordered(_ words: [Word], within span: Range<Int>) -> [Word] {
        var ordered = words
        var earliest = span.lowerBound
        for index in ordered.indices {
            let start = min(max(ordered[index].startMs, earliest), span.upperBound)
            ordered[index].startMs = start
            ordered[index].endMs = min(max(ordered[index].endMs, start), span.upperBound)
            earliest = start
        }
        for index in ordered.indices.dropLast() {
            let next = ordered[index + 1].startMs
            ordered[index].endMs = max(ordered[index].startMs, min(ordered[index].endMs, next))
        }
        return ordered
    }
}
