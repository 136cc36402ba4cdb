/// Names the common audio formats that are not WAV from a file's first bytes, so that refusing a
/// meeting recording (a video call's M4A, a phone's MP3) can say what it is and how to convert it.
package enum AudioFormatSniffer {
    /// "FLAC", "Ogg", "MP3", "MP4/M4A", "WebM/Matroska", or nil when the bytes say none of them.
    package static func compressedFormat(of header: [UInt8]) -> String? {
        if starts(header, "fLaC") { return "FLAC" }
        if starts(header, "OggS") { return "Ogg" }
        if starts(header, "ID3") || isMPEGAudioFrame(header) { return "MP3" }
        if header.count >= 8, Array(header[4..<8]) == Array("ftyp".utf8) { return "MP4/M4A" }
        if header.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) { return "WebM/Matroska" }
        return nil
    }

    private static func starts(_ header: [UInt8], _ magic: String) -> Bool {
        header.starts(with: Array(magic.utf8))
    }

    /// An MPEG audio frame header without an ID3 tag: 11 set sync bits, then layer III.
    private static func isMPEGAudioFrame(_ header: [UInt8]) -> Bool {
        header.count >= 2 && header[0] == 0xFF && header[1] & 0xE0 == 0xE0 && header[1] & 0x06 == 0x02
    }
}
