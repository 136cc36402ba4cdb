import AudioCore
import Testing

/// The formats a meeting recording comes in, told from their first bytes.
@Suite struct AudioFormatSnifferTests {
    static func bytes(_ text: String, then rest: [UInt8] = [0, 0, 0, 0]) -> [UInt8] { Array(text.utf8) + rest }

    @Test func compressedFormatsAreNamed() {
        #expect(AudioFormatSniffer.compressedFormat(of: Self.bytes("fLaC")) == "FLAC")
        #expect(AudioFormatSniffer.compressedFormat(of: Self.bytes("OggS")) == "Ogg")
        #expect(AudioFormatSniffer.compressedFormat(of: Self.bytes("ID3", then: [4, 0])) == "MP3")
        #expect(AudioFormatSniffer.compressedFormat(of: [0xFF, 0xFB, 0x90, 0x64]) == "MP3")  // MPEG-1 layer III
        #expect(AudioFormatSniffer.compressedFormat(of: [0, 0, 0, 0x20] + Self.bytes("ftypM4A ")) == "MP4/M4A")
        #expect(AudioFormatSniffer.compressedFormat(of: [0x1A, 0x45, 0xDF, 0xA3, 0x9F]) == "WebM/Matroska")
    }

    @Test func anythingElseIsNotNamed() {
        #expect(AudioFormatSniffer.compressedFormat(of: WAVHeader(dataBytes: 0).bytes) == nil)
        #expect(AudioFormatSniffer.compressedFormat(of: Self.bytes("minutes of the meeting")) == nil)
        #expect(AudioFormatSniffer.compressedFormat(of: [0xFF, 0xFE, 0x41, 0]) == nil)  // a UTF-16 text file
        #expect(AudioFormatSniffer.compressedFormat(of: []) == nil)
    }
}
