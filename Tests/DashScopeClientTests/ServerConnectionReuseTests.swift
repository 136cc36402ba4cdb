import AudioCore
@testable import DashScopeClient
import DashScopeProtocol
import Foundation
import Testing
import VerbatimTestSupport

/// The test server's side of spec A.13, driven through the client's connection type: tasks one
/// after another on one socket, each with a new id and a clock that starts at zero again.
@Suite("DashScope test server: connection reuse")
struct ServerConnectionReuseTests {
    @Test("two tasks one after another on one connection, each with a new id, each recognized on its own clock")
    func twoTasksOnOneSocket() async throws {
        let server = try await DashScopeTestServer.start(script: ["First task.", "Second task."])
        let (frames, sink) = AsyncStream.makeStream(of: ServiceConnection.Inbound.self)
        let connection = try await ServiceConnection.open(
            url: URL(string: server.url)!, apiKey: DashScopeTestServer.Options().apiKey, trust: TLSTrust()
        ) { sink.yield($0) }
        var inbound = frames.makeAsyncIterator()
        let (samples, _) = ToneScript.audio(sentences: 1)

        for _ in 0..<2 {
            let taskID = DuplexInstruction.newTaskID()
            try await connection.send([
                .text(
                    DuplexInstruction.runTask(
                        taskID: taskID, model: "fun-asr-realtime", sampleRate: 16_000,
                        parameters: RecognitionParameters()
                    ).json())
            ])
            #expect(try await nextEvent(&inbound) == .taskStarted(taskID: taskID))
            // Audio and the finish in one batch, as the session sends a backlog.
            try await connection.send([.pcm(samples), .text(DuplexInstruction.finishTask(taskID: taskID).json())])
            var finals: [SentenceResult] = []
            while true {
                let event = try await nextEvent(&inbound)
                if case let .result(id, result, _) = event, id == taskID, result.isFinal { finals.append(result) }
                if event == .taskFinished(taskID: taskID) { break }
            }
            // Each task hears one tone (the script's first sentence) at 0.8 s of its own clock.
            #expect(finals.map(\.text) == ["First task."])
            #expect(abs((finals.first?.beginTime ?? 0) - 800) <= 30)
        }
        #expect(server.tasks.map(\.connection) == [1, 1])
        #expect(Set(server.tasks.map(\.taskID)).count == 2)
        await connection.close()
        await server.shutdown()
    }

    private func nextEvent(_ inbound: inout AsyncStream<ServiceConnection.Inbound>.AsyncIterator) async throws
        -> DuplexEvent
    {
        guard case let .text(text) = try #require(await inbound.next()) else {
            throw DuplexProtocolError.malformed("binary")
        }
        return try DuplexEvent(json: text)
    }
}
