extension AudioChunk {
    /// The chunk with the samples inside any of `stretches` (meeting ms, end excluded) set to zero.
    ///
    /// A re-transcription hears nothing where the user paused recognition: the audio file has those
    /// stretches, but a pause says they are not to be transcribed.
    package func silencing(_ stretches: [(startMs: Int, endMs: Int)]) -> AudioChunk {
        var silenced = self
        for stretch in stretches {
            let first = max(PCMFormat.frames(milliseconds: Int64(stretch.startMs)), startFrame)
            let end = min(PCMFormat.frames(milliseconds: Int64(stretch.endMs)), endFrame)
            guard first < end else { continue }
            for index in Int(first - startFrame)..<Int(end - startFrame) { silenced.samples[index] = 0 }
        }
        return silenced
    }
}
