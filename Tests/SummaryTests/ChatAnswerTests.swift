import Foundation
import Summary
import Testing

@Suite struct ChatAnswerTests {
    @Test func aStreamedChunkGivesItsTextAndTheLastOneWhyTheModelStopped() {
        let chunk = ###"{"choices":[{"index":0,"delta":{"content":"## Summary"},"finish_reason":null}]}"###
        #expect(ChatAnswer.piece(ofChunk: chunk) == ChatAnswer.Piece(text: "## Summary", finishReason: nil))
        let last = #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"total_tokens":9}}"#
        #expect(ChatAnswer.piece(ofChunk: last) == ChatAnswer.Piece(text: "", finishReason: "stop"))
        #expect(ChatAnswer.piece(ofChunk: "not json") == nil)
    }

    @Test func aWholeAnswerAndBothShapesOfError() {
        let whole = #"{"choices":[{"message":{"role":"assistant","content":"Done."},"finish_reason":"stop"}]}"#
        #expect(ChatAnswer.whole(Data(whole.utf8)) == ChatAnswer.Piece(text: "Done.", finishReason: "stop"))
        let openAI = #"{"error":{"code":"invalid_api_key","message":"Incorrect API key provided."}}"#
        #expect(ChatAnswer.error(in: Data(openAI.utf8)) == ("invalid_api_key", "Incorrect API key provided."))
        let dashScope = #"{"code":"InvalidParameter","message":"Range of input length should be [1, 129024]"}"#
        #expect(
            ChatAnswer.error(in: Data(dashScope.utf8)) == (
                "InvalidParameter", "Range of input length should be [1, 129024]"
            ))
    }

    @Test func failuresAreSortedByWhetherAskingAgainCanHelp() {
        func classify(_ status: Int, _ body: String = "{}", retryAfter: String? = nil) -> ChatFailure {
            ChatFailure.classify(status: status, retryAfter: retryAfter, body: Array(body.utf8), host: "h")
        }
        #expect(classify(401) == .fatal(.rejectedKey(host: "h", status: 401, message: nil)))
        #expect(classify(429, retryAfter: " 7") == .rateLimited(retryAfterSeconds: 7))
        #expect(classify(429) == .rateLimited(retryAfterSeconds: nil))
        let tooLong =
            #"{"error":{"code":"invalid_parameter_error","message":"Range of input length should be [1, 129024]"}}"#
        #expect(classify(400, tooLong) == .contextTooLong(message: "Range of input length should be [1, 129024]"))
        #expect(classify(400) == .fatal(.service(host: "h", status: 400, message: nil)))
        #expect(classify(503) == .transient(.service(host: "h", status: 503, message: nil)))
    }
}
