import AudioCore
import Glibc
import TranscriptCore

/// What can go wrong with audio, worded for the user. Carries facts; never transcript text.
package enum AudioError: UserFacingError, Equatable {
    case serverUnreachable(server: String?, reason: String)
    /// libpulse (loaded on first use) is missing or incomplete.
    case pulseLibraryMissing(reason: String)
    case sourceSelection(SourceSelectionError)
    case streamFailed(source: String, reason: String)
    case cannotWriteAudio(path: String, reason: String)
    case cannotReadAudio(path: String, reason: String)
    case unsupportedAudio(path: String, reason: String)
    /// A compressed format Verbatim does not decode (FLAC, MP3, M4A…), named.
    case compressedAudio(path: String, format: String)

    package var userMessage: String {
        switch self {
        case let .serverUnreachable(server, reason):
            "Can't reach the PulseAudio server\(server.map { " at \($0)" } ?? "") (\(reason))."
        case let .pulseLibraryMissing(reason): "Can't load PulseAudio's client library (\(reason))."
        case let .sourceSelection(.noMatch(query, available)):
            "No audio source matches \"\(query)\". Available: \(Self.list(available))."
        case let .sourceSelection(.ambiguous(query, matches)):
            "\"\(query)\" matches several audio sources: \(Self.list(matches))."
        case let .sourceSelection(.noDefault(available)):
            "The PulseAudio server has no default source. Available: \(Self.list(available))."
        case let .sourceSelection(.sameSourceTwice(name, requests)):
            "The source \(name) is chosen twice (" + requests.map { "--source \($0)" }.joined(separator: ", ") + ")."
        case let .sourceSelection(.sameLabelTwice(label)): "Two sources are labelled \"\(label)\"."
        case let .streamFailed(source, reason): "Can't record from \(source) (\(reason))."
        case let .cannotWriteAudio(path, reason): "Can't write the audio file \(path) (\(reason))."
        case let .cannotReadAudio(path, reason): "Can't read the audio file \(path) (\(reason))."
        case let .unsupportedAudio(path, reason): "\(path) is not an audio file Verbatim can read (\(reason))."
        case let .compressedAudio(path, format):
            "\(path == "-" ? "Standard input" : path) is \(format) audio; Verbatim reads WAV (any rate, any "
                + "channels) or raw PCM."
        }
    }

    package var hint: String? {
        switch self {
        case .serverUnreachable:
            "Is a PulseAudio (or PipeWire-Pulse) server running? Start one with `pulseaudio --start`, "
                + "or point PULSE_SERVER at it."
        case .pulseLibraryMissing: "Install it with `sudo apt install libpulse0` (`make run` installs it)."
        case .sourceSelection(.ambiguous): "Pass the exact name from `verbatim devices`."
        case .sourceSelection(.sameSourceTwice): "Record each source once; `verbatim devices` lists the others."
        case .sourceSelection(.sameLabelTwice): "Give each source its own label: --source LABEL=NAME."
        case .sourceSelection:
            "Pass --source NAME (exact, or a unique part of the description); `verbatim devices` lists them."
        case .streamFailed: "Check the source with `verbatim devices`."
        case let .cannotWriteAudio(_, reason) where reason == String(cString: strerror(EEXIST)):
            "Another recording has that file; Verbatim never overwrites audio. Start the recording again."
        case .cannotWriteAudio: "Check the data folder is writable and the disk is not full."
        case .cannotReadAudio: "Check the path and the file's permissions."
        case .unsupportedAudio: "Use a WAV file (any rate, any channels), or raw PCM with --raw-format."
        case let .compressedAudio(path, _) where path == "-":
            "Convert the recording first: ffmpeg -i RECORDING -ac 1 -ar 16000 recording.wav "
                + "(Debian: sudo apt install ffmpeg), then transcribe recording.wav."
        case let .compressedAudio(path, _):
            "Convert it first: ffmpeg -i \(Self.shellQuoted(path)) -ac 1 -ar 16000 "
                + "\(Self.shellQuoted(Self.wavPath(for: path))) (Debian: sudo apt install ffmpeg)."
        }
    }

    /// Where the hint's conversion writes: the path with a .wav extension, never the path itself (an
    /// MP3 named .wav would be overwritten while it is read).
    private static func wavPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[slash...].lastIndex(of: "."), dot != slash else { return path + ".wav" }
        let stem = path[..<dot]
        return path[dot...].lowercased() == ".wav" ? stem + "-converted.wav" : stem + ".wav"
    }

    /// As a shell reads it back: plain when it holds only safe characters, else in single quotes.
    private static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+,:@%".contains($0)) }
        guard !safe || text.isEmpty else { return text }
        let pieces = text.split(separator: "'", omittingEmptySubsequences: false)
        return "'" + pieces.joined(separator: "'\\''") + "'"
    }

    private static func list(_ sources: [AudioSourceInfo]) -> String {
        sources.isEmpty ? "none" : sources.map { "\($0.name) (\($0.description))" }.joined(separator: ", ")
    }
}
