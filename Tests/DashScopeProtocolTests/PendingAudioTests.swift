import AudioCore
import DashScopeProtocol
import Testing

@Suite("Audio kept for re-sending")
struct PendingAudioTests {
    func chunk(_ startFrame: Int64, _ count: Int = 1_600, value: Int16 = 1) -> AudioChunk {
        AudioChunk(source: "Me", startFrame: startFrame, samples: [Int16](repeating: value, count: count))
    }

    /// A buffer holding `chunks` chunks of 100 ms, the first `sent` of them sent one by one.
    func buffer(capacityFrames: Int64, overflow: PendingAudio.Overflow, chunks: Int, sent: Int) -> PendingAudio {
        var pending = PendingAudio(capacityFrames: capacityFrames, overflow: overflow)
        for index in 0..<chunks { pending.append(chunk(Int64(index) * 1_600)) }
        for _ in 0..<sent { _ = pending.takeNextToSend() }
        return pending
    }

    @Test("holes are filled with silence and overlaps trimmed, so the server's clock stays the meeting's")
    func contiguous() {
        var pending = PendingAudio(capacityFrames: 100_000, overflow: .dropOldest)
        pending.append(chunk(0))
        pending.append(chunk(3_200))  // a 100 ms hole
        pending.append(chunk(4_000))  // overlaps the last 800 frames
        #expect(pending.chunks.map(\.startFrame) == [0, 1_600, 3_200, 4_800])
        #expect(pending.chunks[1].samples.allSatisfy { $0 == 0 })
        #expect(pending.chunks[3].samples.count == 800)
        #expect(pending.heldFrames == 5_600 && pending.endFrame == 5_600)
    }

    @Test("a final frees what it covered, cutting the chunk it ends in once sent; rewind sends the rest again")
    func confirmAndRewind() {
        var pending = buffer(capacityFrames: 100_000, overflow: .wait, chunks: 4, sent: 3)
        pending.confirm(throughFrame: 2_000)
        #expect(pending.chunks.map(\.startFrame) == [2_000, 3_200, 4_800])
        #expect(pending.unsentCount == 1)
        #expect(pending.rewind() == nil)
        #expect(pending.takeNextToSend()?.startFrame == 2_000)
        #expect(pending.heldFrames == 4_400)
    }

    @Test("audio that piled up goes out joined, within the frame limit, and a rewind sends it again the same way")
    func joinedFrames() {
        var pending = PendingAudio(capacityFrames: 100_000, overflow: .wait)
        for index in 0..<7 { pending.append(chunk(Int64(index) * 1_600, value: Int16(index))) }
        let first = pending.takeNextToSend(maxFrames: 6_400)
        #expect(first?.startFrame == 0 && first?.samples.count == 6_400)
        #expect(first?.samples[1_600] == 1 && first?.samples[6_399] == 3)
        #expect(pending.takeNextToSend(maxFrames: 6_400)?.samples.count == 4_800)
        #expect(pending.takeNextToSend(maxFrames: 6_400) == nil)
        #expect(pending.chunks.count == 7, "joining leaves the held chunks as they were")
        _ = pending.rewind()
        #expect(
            pending.takeNextToSend(maxFrames: 1_000)?.samples.count == 1_600, "at least one chunk, even past the limit")
    }

    @Test("full in a live meeting: the oldest goes, and what no final covered is reported at the next connection")
    func dropOldest() {
        var pending = PendingAudio(capacityFrames: 3_200, overflow: .dropOldest)
        pending.append(chunk(0))
        _ = pending.takeNextToSend()
        pending.append(chunk(1_600))
        pending.append(chunk(3_200))
        #expect(pending.chunks.map(\.startFrame) == [1_600, 3_200])
        #expect(pending.mustWait == false)
        pending.confirm(throughFrame: 800)
        #expect(pending.rewind() == 800..<1_600)
        #expect(pending.rewind() == nil)
    }

    @Test("full while reading a file: the reader waits, unsent or sent, until a final frees room")
    func waitForFile() {
        var pending = buffer(capacityFrames: 3_200, overflow: .wait, chunks: 3, sent: 0)
        #expect(pending.chunks.count == 3 && pending.mustWait)
        _ = pending.takeNextToSend()
        #expect(pending.mustWait, "sent but not covered by a final: a reconnection would need it")
        #expect(pending.chunks.count == 3)
        pending.confirm(throughFrame: 1_600)
        #expect(pending.mustWait, "still full")
        pending.confirm(throughFrame: 3_200)
        #expect(!pending.mustWait)
    }

    @Test(
        "a file's server says nothing with the buffer full: sent audio goes for room until the next final; a reconnection reports it"
    )
    func fileWithSilentServer() {
        var pending = buffer(capacityFrames: 3_200, overflow: .wait, chunks: 2, sent: 2)
        #expect(pending.mustWait)
        pending.makeRoomFromSentAudio()
        #expect(!pending.mustWait)
        pending.append(chunk(3_200))
        #expect(pending.chunks.map(\.startFrame) == [1_600, 3_200])
        #expect(!pending.mustWait, "still making room from sent audio")
        pending.confirm(throughFrame: 800)
        #expect(pending.mustWait, "a final: the reader waits for finals again")
        #expect(pending.rewind() == 800..<1_600)
        #expect(!pending.makesRoomFromSentAudio)
    }
}
