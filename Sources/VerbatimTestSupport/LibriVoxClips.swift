import AudioCore
import Foundation

/// Five sentences of real human speech read for LibriVox ("Sense and Sensibility"), 16 kHz mono,
/// with their transcription, as Debian's pocketsphinx-testdata ships them (`make test` installs it).
package struct LibriVoxClip: Sendable {
    package var name: String
    package var transcript: String
    package var samples: [Int16]

    package static let folder = "/usr/share/pocketsphinx/test/data/librivox"

    package var durationMs: Int { samples.count / 16 }

    /// Every clip of the transcription file, in its order.
    package static func all() throws -> [LibriVoxClip] {
        let listing = try String(contentsOfFile: folder + "/transcription", encoding: .utf8)
        return try listing.split(separator: "\n").map { line in
            // "<s> he was not an ill disposed young man </s> (sense_and_sensibility_01_austen_64kb-0880)"
            let name = String(line[line.index(after: line.lastIndex(of: "(")!)..<line.lastIndex(of: ")")!])
            let words = line.split(separator: " ").filter { !$0.hasPrefix("<") && !$0.hasPrefix("(") }
            let wav = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name).wav")))
            let layout = try WAVParser.layout(of: wav)
            let body = wav[layout.dataOffset...]
            let samples = stride(from: body.startIndex, to: body.endIndex - 1, by: 2).map {
                Int16(bitPattern: UInt16(body[$0]) | UInt16(body[$0 + 1]) << 8)
            }
            return LibriVoxClip(name: name, transcript: words.joined(separator: " "), samples: samples)
        }
    }

    /// The clip as the 100 ms chunks live capture gives, starting at `startFrame` on the meeting clock.
    package func chunks(source: String = "Me", startFrame: Int64 = 0) -> [AudioChunk] {
        AudioChunk.asCaptured(samples, source: source, startFrame: startFrame)
    }
}
