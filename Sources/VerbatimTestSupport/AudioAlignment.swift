/// Finds a played signal inside a recording of it, to compare the two sample by sample.
package enum AudioAlignment {
    /// The offset in `recording` where `reference` starts, and the normalized correlation there
    /// (1 = identical up to gain). Searches around where the first loud samples of each line up.
    package static func locate(_ reference: [Int16], in recording: [Int16], threshold: Int16 = 300) -> (
        offset: Int, correlation: Double
    )? {
        guard let referenceOnset = reference.firstIndex(where: { abs(Int32($0)) > threshold }),
            let recordingOnset = recording.firstIndex(where: { abs(Int32($0)) > threshold })
        else { return nil }
        let guess = recordingOnset - referenceOnset
        var best: (offset: Int, correlation: Double)?
        for offset in (guess - 400)...(guess + 400) {
            let correlation = correlation(reference, recording, offset: offset)
            if correlation > (best?.correlation ?? -2) { best = (offset, correlation) }
        }
        return best
    }

    /// Normalized correlation of `reference` with `recording[offset...]`, over the whole reference
    /// (a recording that stops early scores low: missing audio counts as silence).
    package static func correlation(_ reference: [Int16], _ recording: [Int16], offset: Int) -> Double {
        var dot = 0.0, referenceEnergy = 0.0, recordingEnergy = 0.0
        for index in reference.indices {
            let a = Double(reference[index])
            let position = index + offset
            let b = position >= 0 && position < recording.count ? Double(recording[position]) : 0
            dot += a * b
            referenceEnergy += a * a
            recordingEnergy += b * b
        }
        let norm = (referenceEnergy * recordingEnergy).squareRoot()
        return norm > 0 ? dot / norm : 0
    }
}
