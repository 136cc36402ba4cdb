import Summary
import Testing

@Suite struct ServerSentEventsTests {
    @Test func eachBlankLineDispatchesTheDataGatheredSinceTheLastOne() {
        var events = ServerSentEvents()
        let body =
            "data: {\"a\":1}\n\n: a comment\nevent: message\nid: 7\ndata: first\ndata: second\n\ndata: [DONE]\n\n"
        #expect(events.consume(Array(body.utf8)) == ["{\"a\":1}", "first\nsecond", "[DONE]"])
        #expect(!events.hasPartialEvent)
    }

    @Test func linesMayEndWithCRLFOrCRAndArriveInAnyPieces() {
        var events = ServerSentEvents()
        let body = Array("data: one\r\n\r\ndata:two\r\rdata: 三\n\n".utf8)
        var seen: [String] = []
        for byte in body { seen += events.consume([byte]) }  // one byte at a time, a character split too
        #expect(seen == ["one", "two", "三"])
    }

    @Test func anEventCutBeforeItsBlankLineIsNotDispatched() {
        var events = ServerSentEvents()
        #expect(events.consume(Array("data: whole\n\ndata: half".utf8)) == ["whole"])
        #expect(events.hasPartialEvent)
    }
}
