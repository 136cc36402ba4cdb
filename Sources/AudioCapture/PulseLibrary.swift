import CPulse

/// libpulse is loaded when audio is first captured or listed, not when Verbatim starts: a cloud
/// transcription of a file never needs it (CPulse.h).
enum PulseLibrary {
    /// Loads it if it is not loaded yet. Every path into libpulse calls this first.
    static func load() throws(AudioError) {
        if let reason = verbatim_pulse_load() { throw .pulseLibraryMissing(reason: String(cString: reason)) }
    }
}
