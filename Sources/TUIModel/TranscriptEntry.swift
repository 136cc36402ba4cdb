import TranscriptCore

/// A line of the scrollback, in meeting time: what was said, and what the user marked.
package enum TranscriptEntry: Sendable, Equatable {
    case sentence(Sentence)
    case bookmark(Bookmark)
    case note(Note)
    /// A stretch nobody transcribed: paused by the user, or lost by the engine (the audio file has it).
    case gap(TranscriptGap)
    /// A stretch a source could not record (the audio server went away; its file has silence).
    case audioGap(AudioGap)

    package var atMs: Int {
        switch self {
        case let .sentence(sentence): sentence.startMs
        case let .bookmark(bookmark): bookmark.atMs
        case let .note(note): note.atMs
        case let .gap(gap): gap.startMs
        case let .audioGap(gap): gap.atMs
        }
    }
}
