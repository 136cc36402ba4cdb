import AudioCore
import Foundation

/// Real Mandarin speech: a line of the film Ne Zha (2019), 6.8 s, the Chinese reference clip of the
/// F5-TTS wheel on PyPI, which `make test` fetches (pinned) and writes 16 kHz mono into the cache
/// (scripts/fetch-test-speech.sh). Debian ships no Mandarin speech, and its espeak-ng reads Chinese
/// characters as pinyin.
package struct MandarinClip: Sendable {
    package var samples: [Int16]
    package var transcript: String { Self.transcript }

    package static var path: String {
        let cache =
            ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? NSHomeDirectory() + "/.cache"
        return cache + "/verbatim/test-speech/mandarin-taiyi.wav"
    }

    /// What is said, as the F5-TTS sources write it.
    package static let transcript = "对，这就是我，万人敬仰的太乙真人。"

    /// The clip's path, or an error saying how to fetch it.
    package static func fetchedPath() throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw Missing() }
        return path
    }

    package static func load() throws -> MandarinClip {
        MandarinClip(samples: try TestSpeech.samples(ofWAV: try fetchedPath()))
    }

    package struct Missing: Error, CustomStringConvertible {
        package var description: String {
            "no Mandarin speech at \(MandarinClip.path): run `make test` (or scripts/fetch-test-speech.sh)"
        }
    }

    /// The clip as the 100 ms chunks live capture gives.
    package func chunks(source: String = "Me") -> [AudioChunk] {
        AudioChunk.asCaptured(samples, source: source)
    }
}
