/// How the audio to recognize arrives, which sets how an engine paces itself.
package enum AudioArrival: Sendable, Equatable {
    /// Capture, in real time: partials shown, a sentence final as soon as it ends.
    case live
    /// A pipe or standard input, read as fast as it comes (`arecord … | verbatim transcribe -`):
    /// what follows a pause may be minutes away, so a sentence is final at its pause.
    case stream
    /// A file that is all there (`transcribe FILE`, `retranscribe`): only the whole transcript counts,
    /// so an engine may wait for what follows a pause.
    case file
}
