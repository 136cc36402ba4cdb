/// What to write into a WAV file whose size fields disagree with its length (a crash cut it short).
package struct WAVRepairPatch: Sendable, Equatable {
    /// Bytes to overwrite at an offset.
    package struct Write: Sendable, Equatable {
        package var offset: Int
        package var bytes: [UInt8]
    }

    package var writes: [Write]
    /// The length to truncate the file to (drops a partial sample frame at the end).
    package var truncateTo: Int
    /// The audio the repaired file holds, in bytes.
    package var dataBytes: Int
}

/// Decides how to repair a WAV file written by Verbatim from its header and its length on disk.
package enum WAVRepair {
    /// `nil` when the header already matches the file. Throws when the header is not a WAV header.
    package static func patch(header: [UInt8], fileLength: Int) throws(WAVParseError) -> WAVRepairPatch? {
        let layout = try WAVParser.layout(of: header)
        let available = Swift.max(0, fileLength - layout.dataOffset)
        let dataBytes = available - available % layout.bytesPerFrame
        let riffSize = Int(WAVParser.uint32(header, WAVHeader.riffSizeOffset))
        let expectedRIFF = layout.dataOffset - 8 + dataBytes
        let consistent =
            layout.declaredDataBytes == dataBytes && riffSize == expectedRIFF
            && fileLength == layout.dataOffset + dataBytes
        if consistent { return nil }
        return WAVRepairPatch(
            writes: [
                .init(offset: WAVHeader.riffSizeOffset, bytes: WAVHeader.uint32(expectedRIFF)),
                .init(offset: layout.dataOffset - 4, bytes: WAVHeader.uint32(dataBytes)),
            ],
            truncateTo: layout.dataOffset + dataBytes,
            dataBytes: dataBytes
        )
    }
}
