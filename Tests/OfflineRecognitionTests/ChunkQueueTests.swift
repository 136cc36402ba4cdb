import AudioCore
import Foundation
@testable import OfflineRecognition
import Testing

@Suite struct ChunkQueueTests {
    func chunk(_ index: Int) -> AudioChunk { AudioChunk(source: "Me", startFrame: Int64(index), samples: [1]) }

    @Test func aFullQueueHoldsTheProducerUntilTheConsumerMakesRoom() async {
        let queue = ChunkQueue(capacity: 2)
        await queue.push(chunk(0))
        await queue.push(chunk(1))
        let pushed = Task {
            await queue.push(chunk(2))
            return true
        }
        while queue.waitingProducers == 0 { await Task.yield() }  // the third push is held
        let popped = await withCheckedContinuation { (done: CheckedContinuation<[Int64], Never>) in
            Thread {
                var frames: [Int64] = []
                for _ in 0..<3 { if let chunk = queue.pop() { frames.append(chunk.startFrame) } }
                done.resume(returning: frames)
            }.start()
        }
        #expect(popped == [0, 1, 2])
        #expect(await pushed.value)
    }

    @Test func closingLetsTheConsumerDrainThenEnd() async {
        let queue = ChunkQueue(capacity: 4)
        await queue.push(chunk(0))
        await queue.push(chunk(1))
        queue.close()
        await queue.push(chunk(2))  // ignored after close
        #expect(queue.pop()?.startFrame == 0)
        #expect(queue.pop()?.startFrame == 1)
        #expect(queue.pop() == nil)
        #expect(queue.pop() == nil)
    }
}
