/// Stretches of meeting time (ms) the energy gate heard speech in.
enum SpeechSpans {
    /// Adds a span, joining it to the last one when they touch.
    static func add(_ span: Range<Int>, to spans: inout [Range<Int>]) {
        if let last = spans.last, last.upperBound >= span.lowerBound {
            spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
        } else {
            spans.append(span)
        }
    }

    /// A sentence's times from Whisper, moved onto the speech around them: Whisper's timestamps drift by
    /// a few hundred milliseconds, while the gate knows to 100 ms where speech starts and stops. A start
    /// in a quiet stretch moves to where speech resumes; an end in one moves back to where it stopped.
    static func snap(_ sentence: Range<Int>, to spans: [Range<Int>]) -> Range<Int> {
        let overlapping = spans.filter { $0.overlaps(sentence) }
        guard let first = overlapping.first, let last = overlapping.last else { return sentence }
        let start = first.contains(sentence.lowerBound) ? sentence.lowerBound : first.lowerBound
        let end = last.contains(sentence.upperBound - 1) ? sentence.upperBound : last.upperBound
        return start < end ? start..<end : sentence
    }
}
