import AudioCore
import Testing

@Suite("WAV headers and repair")
struct WAVTests {
    @Test("the header Verbatim writes parses back to 16 kHz mono 16-bit")
    func headerRoundTrip() throws {
        let header = WAVHeader(dataBytes: 3_200).bytes
        #expect(header.count == 44)
        let layout = try WAVParser.layout(of: header)
        #expect(
            layout
                == WAVLayout(
                    encoding: .integer(bits: 16), sampleRate: 16_000, channels: 1, dataOffset: 44,
                    declaredDataBytes: 3_200))
        #expect(Array(header[0..<4]) == Array("RIFF".utf8))
    }

    @Test("other chunks before data are skipped; extensible float is understood")
    func foreignLayouts() throws {
        var header = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WAVE".utf8)
        header += Array("LIST".utf8) + le32(3) + [1, 2, 3, 0]  // odd size: padded
        header += Array("fmt ".utf8) + le32(40)
        header += le16(0xFFFE) + le16(2) + le32(48_000) + le32(48_000 * 8) + le16(8) + le16(32)
        header += le16(22) + le16(32) + le32(3) + le16(3) + [UInt8](repeating: 0, count: 14)
        header += Array("data".utf8) + le32(800)
        let layout = try WAVParser.layout(of: header)
        #expect(layout.encoding == .float(bits: 32))
        #expect(layout.channels == 2 && layout.sampleRate == 48_000)
        #expect(layout.dataOffset == header.count)
        #expect(layout.bytesPerFrame == 8)
    }

    @Test("what isn't a WAV file is refused with a reason")
    func refusals() {
        #expect(throws: WAVParseError.notWAV) { try WAVParser.layout(of: Array("ID3\u{3}whatever is this".utf8)) }
        #expect(throws: WAVParseError.truncatedHeader) { try WAVParser.layout(of: [82, 73]) }
        let noData = Array(WAVHeader(dataBytes: 0).bytes[0..<36])
        #expect(throws: WAVParseError.missingChunk("data")) { try WAVParser.layout(of: noData) }
        var adpcm = WAVHeader(dataBytes: 0).bytes
        adpcm[20] = 2
        #expect(throws: WAVParseError.unsupportedEncoding(formatTag: 2, bits: 16)) { try WAVParser.layout(of: adpcm) }
    }

    @Test("a consistent file needs no repair")
    func intact() throws {
        #expect(try WAVRepair.patch(header: WAVHeader(dataBytes: 3_200).bytes, fileLength: 44 + 3_200) == nil)
    }

    @Test("a file cut short gets sizes from its length, and a half sample is dropped")
    func repair() throws {
        let header = WAVHeader(dataBytes: 0).bytes  // what a crash before the first flush leaves
        let patch = try #require(try WAVRepair.patch(header: header, fileLength: 44 + 32_001))
        #expect(patch.dataBytes == 32_000)
        #expect(patch.truncateTo == 44 + 32_000)
        var repaired = header
        for write in patch.writes { repaired.replaceSubrange(write.offset..<write.offset + 4, with: write.bytes) }
        #expect(repaired == WAVHeader(dataBytes: 32_000).bytes)
    }

    @Test("a header claiming more than the file holds is cut down to what is there")
    func overclaim() throws {
        let patch = try #require(
            try WAVRepair.patch(header: WAVHeader(dataBytes: 64_000).bytes, fileLength: 44 + 1_000))
        #expect(patch.dataBytes == 1_000)
    }

    private func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    private func le16(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }
}
