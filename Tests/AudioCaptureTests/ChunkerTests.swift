@testable import AudioCapture
import AudioCore
import Testing

/// The chunker cuts a file's blocks, whatever their sizes, into whole chunks on one timeline.
@Suite struct ChunkerTests {
    @Test(arguments: [
        [1_000, 7_000, 300, 0, 5_000],  // blocks shorter and longer than a chunk, an empty one
        [1_600, 1_600, 3_200],  // blocks that are whole chunks
        [32_768, 32_768, 10_000],  // a file's 64 KiB blocks
        [700],  // less than a chunk in all
        [1_000, 300],  // the last block doesn't fill the chunk begun before it
        [2_000, 0],  // the end comes as an empty block
    ])
    func blocksOfAnySizeBecomeWholeChunksInOrder(blockSizes: [Int]) {
        var chunker = Chunker(label: "File", chunkFrames: 1_600)
        var next: Int16 = 0
        var input: [Int16] = []
        var chunks: [AudioChunk] = []
        for (index, size) in blockSizes.enumerated() {
            let block = (0..<size).map { _ in
                defer { next &+= 1 }; return next
            }
            input += block
            chunks += chunker.add(block, final: index == blockSizes.count - 1)
        }
        #expect(chunks.flatMap(\.samples) == input)
        #expect(chunks.dropLast().allSatisfy { $0.samples.count == 1_600 })
        #expect(chunks.map(\.startFrame) == chunks.indices.map { Int64($0 * 1_600) })
        #expect(chunks.allSatisfy { $0.source == "File" && !$0.samples.isEmpty })
    }
}
