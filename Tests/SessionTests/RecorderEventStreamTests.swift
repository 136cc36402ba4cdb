import AudioCapture
import AudioCore
import Session
import TranscriptCore
import Testing

/// The recorder's event stream with a consumer that stops reading for a while (a `--plain` reader
/// that stopped reading its pipe), without a recorder: what it keeps and what it skips.
@Suite struct RecorderEventStreamTests {
    static func level(_ index: Int) -> RecorderEvent {
        .capture(
            .level(
                source: "Me",
                AudioLevel(rmsDBFS: Double(-index), peakDBFS: -1, heldPeakDBFS: -1, clipped: false)))
    }

    static func final(_ index: Int) -> RecorderEvent {
        .transcript(
            .finalized(Sentence(startMs: index * 1_000, endMs: index * 1_000 + 900, text: "Sentence \(index).")))
    }

    @Test func aStalledConsumerGetsEveryFinalInOrderAndOnlyTheLevelsOfTheBacklog() async {
        let (events, sink) = RecorderEventStream.make()
        // Ten minutes of one source's levels (20 a second) with a final every 100 of them, unread.
        for index in 0..<12_000 {
            sink.yield(Self.level(index))
            if index % 100 == 99 { sink.yield(Self.final(index / 100)) }
        }
        sink.finish()
        var finals: [RecorderEvent] = []
        var levels = 0
        for await event in events {
            if case .capture(.level) = event { levels += 1 } else { finals.append(event) }
        }
        #expect(finals == (0..<120).map(Self.final))
        #expect(levels == RecorderEventStream.levelBacklog)
    }

    @Test func onceTheConsumerCatchesUpLevelsFlowAgain() async {
        let (events, sink) = RecorderEventStream.make()
        for index in 0..<500 { sink.yield(Self.level(index)) }
        var iterator = events.makeAsyncIterator()
        for _ in 0..<RecorderEventStream.levelBacklog { _ = await iterator.next() }
        // Caught up: the next readings are the newest, not the ones skipped while it stalled.
        sink.yield(Self.level(1_000))
        sink.yield(Self.level(1_001))
        sink.finish()
        #expect(await iterator.next() == Self.level(1_000))
        #expect(await iterator.next() == Self.level(1_001))
        #expect(await iterator.next() == nil)
    }
}
