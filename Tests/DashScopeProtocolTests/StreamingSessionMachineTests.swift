import AudioCore
import DashScopeProtocol
import Recognition
import Testing
import TranscriptCore

@Suite("DashScope session machine: events in, actions out, no socket and no clock")
struct StreamingSessionMachineTests {
    typealias Run = SessionMachineRun

    @Test(
        "a file: the opening, whole 400 ms frames once the server is ready, one send at a time, the finishing message after the last audio, then the end"
    )
    func fileSession() {
        var run = Run(.asFastAsPossible)
        run.completesSends = false
        #expect(run.start() == [.emit(.status(.connecting)), .connect(1)])
        #expect(run.audio(0..<6) == [], "no audio before the server is ready")
        #expect(run.connected() == [.send([.text("open")], on: 1)])
        #expect(run.sent() == [])
        #expect(run.read("ready") == [.emit(.status(.live)), .started, .send([Run.frame(0..<4)], on: 1)])
        #expect(run.read("ready") == [], "a second ready changes nothing")
        #expect(
            run.read("sent?") == [.emit(.notice("400 ms sent"))], "the wire reads frames knowing how much audio went")
        #expect(run.audio(6..<9) == [], "one send in flight at a time")
        #expect(
            run.sent() == [.send([Run.frame(4..<8)], on: 1)], "what piled up, in whole frames only while more may come")
        #expect(run.finishInput() == [])
        #expect(
            run.sent() == [.send([Run.frame(8..<9)], on: 1)], "the input is finished: the rest goes, whole frame or not"
        )
        run.nowMs = 1_000
        #expect(run.sent() == [.send([.text("finish")], on: 1)])
        run.nowMs = 1_200
        #expect(run.sent() == [.schedule(atMs: 21_200)], "the server has 20 s to finish")
        run.read("final 1 0 900 Hello there.")
        let end = run.read("finished")
        #expect(end.count == 4)
        guard case let .emit(.metrics(metrics)) = end.first else {
            Issue.record("no metrics at the end: \(end)"); return
        }
        #expect(metrics.lastResultDelayMs == 0)
        #expect(Array(end.dropFirst()) == [.close(1), .end, .schedule(atMs: nil)])
        #expect(run.machine.hasEnded)
        #expect(run.finals.map(\.text) == ["Hello there."])
    }

    @Test("a live meeting: each chunk goes as it comes; a second without audio is filled with a second of silence")
    func liveSessionKeepsTheTaskFed() {
        var run = Run(.realTime)
        #expect(run.start() == [.emit(.status(.connecting)), .connect(1), .schedule(atMs: 1_000)])
        run.connected()
        #expect(run.read("ready") == [.emit(.status(.live)), .started])
        run.nowMs = 100
        #expect(run.audio(0..<1) == [.send([Run.frame(0..<1)], on: 1)])
        run.nowMs = 200
        #expect(run.audio(1..<2) == [.send([Run.frame(1..<2)], on: 1)])
        #expect(run.timer(at: 1_000) == [.schedule(atMs: 2_000)], "audio came 800 ms ago: no silence yet")
        let quiet = run.timer(at: 2_000)
        let silence = WireFrame.pcm([Int16](repeating: 0, count: 16_000))
        #expect(quiet == [.send([silence], on: 1), .schedule(atMs: 3_000)], "silence from where the audio ended")
        #expect(run.machine.pendingAudio.endFrame == Int64(3_200 + 16_000))
        run.nowMs = 2_050
        #expect(
            run.audio(12..<13) == [.send([Run.frame(12..<13)], on: 1)],
            "audio again, where the silence ended (no overlap)")
        #expect(
            run.finishInput() == [.send([.text("finish")], on: 1), .schedule(atMs: nil)], "no keep-alive once finished")
        #expect(run.lastSchedule == 22_050, "once the finish is written, the server has 20 s")
    }

    @Test(
        "a connection lost mid-sentence: backoff, a new connection, the audio no final covered sent again from its oldest, results on the meeting's clock"
    )
    func reconnection() {
        var run = Run(.asFastAsPossible)
        run.live()
        run.audio(0..<8)
        run.read("final 1 0 300 Hello.")  // frees chunks 0-2; chunk 3 on is in doubt
        run.nowMs = 1_000
        #expect(run.closed() == [.close(1), .emit(.status(.reconnecting(attempt: 1))), .schedule(atMs: 1_500)])
        #expect(run.read("final 2 300 700 lost.", on: 1) == [], "a connection given up is not heard")
        #expect(run.timer(at: 1_499) == [.schedule(atMs: 1_500)], "an early timer asks again for the same time")
        #expect(run.timer(at: 1_500) == [.connect(2)])
        run.connected()
        let again = run.read("ready")
        #expect(
            again == [.emit(.status(.live)), .send([Run.frame(3..<7)], on: 2)], "not started again: the session was")
        run.finishInput()
        #expect(Array(run.writes.suffix(2)) == [[Run.frame(7..<8)], [.text("finish")]])
        run.read("final 1 0 400 world.")
        #expect(
            run.finals.last?.clock == EngineClock(originMs: 300), "the new task's zero is the first audio sent again")
        #expect(run.finals.map(\.text) == ["Hello.", "world."])
        #expect(!run.events.contains { if case .notTranscribed = $0 { true } else { false } })
    }

    @Test(
        "before the first task: three retries, then the start fails with the last problem; a rejected key fails at once"
    )
    func givesUpBeforeTheFirstTask() {
        var run = Run(.asFastAsPossible)
        run.start()
        var delays: [Int] = []
        for attempt in 1...3 {
            let retry = run.step { $0.connectFailed(attempt, .retry("connection refused"), atMs: $1) }
            guard case let .schedule(due?) = retry.last else { Issue.record("no backoff: \(retry)"); return }
            #expect(retry.first == .emit(.status(.reconnecting(attempt: attempt))))
            delays.append(due - run.nowMs)
            #expect(run.timer(at: due).first == .connect(attempt + 1))
        }
        #expect(delays == [500, 1_000, 2_000], "exponential backoff (at the top of its jitter here)")
        let last = run.step { $0.connectFailed(4, .retry("connection refused"), atMs: $1) }
        #expect(last == [.startFailed(.gaveUp(attempts: 4, lastProblem: "connection refused")), .end])

        var rejected = Run(.asFastAsPossible)
        rejected.start()
        #expect(
            rejected.step { $0.connectFailed(1, .fatal(.keyRejected(status: 401)), atMs: $1) } == [
                .startFailed(.keyRejected(status: 401)), .end,
            ])
    }

    @Test(
        "once live, an outage gets eight attempts, counted afresh after each task that came back; a fatal frame ends the meeting"
    )
    func attemptsOnceLive() {
        var run = Run(.realTime)
        run.live()
        run.closed()
        run.timer(at: 500)
        run.connected()
        run.read("ready")
        #expect(
            run.closed().contains(.emit(.status(.reconnecting(attempt: 1)))), "the task came back: attempts start again"
        )
        for attempt in 1...8 {
            guard let due = run.machine.reconnectDueMs else { Issue.record("not backing off"); return }
            run.timer(at: due)
            let failed = run.step { $0.connectFailed(attempt + 2, .retry("HTTP 503"), atMs: $1) }
            if attempt < 8 {
                #expect(failed.contains(.emit(.status(.reconnecting(attempt: attempt + 1)))))
            } else {
                let reason = DashScopeFailure.gaveUp(attempts: 9, lastProblem: "HTTP 503").userMessage
                #expect(Array(failed.prefix(2)) == [.emit(.status(.failed(reason: reason))), .end])
            }
        }

        var refused = Run(.realTime)
        refused.live()
        let reason = DashScopeFailure.keyRejected(status: 401).userMessage
        #expect(
            Array(refused.read("refuse-key").prefix(3)) == [.close(1), .emit(.status(.failed(reason: reason))), .end])
        #expect(refused.audio(0..<1) == [], "nothing after the end")
    }

    @Test(
        "back-pressure: a file's reader waits while more than 20 chunks wait for the socket, and goes on once 10 or fewer do"
    )
    func backPressure() {
        var run = Run(.asFastAsPossible)
        run.start()
        run.audio(0..<20)
        #expect(!run.machine.holdsSender)
        run.audio(20..<21)
        #expect(run.machine.holdsSender, "21 chunks unsent while the connection opens")
        #expect(run.step { $0.senderHeld(atMs: $1) } == [], "nothing to send to yet")
        run.connected()
        let ready = run.read("ready")
        #expect(ready.contains(.resumeSenders))
        #expect(!run.machine.holdsSender)
        let firstBatch = run.writes[1]
        #expect(
            firstBatch == [
                Run.frame(0..<4), Run.frame(4..<8), Run.frame(8..<12), Run.frame(12..<16), Run.frame(16..<20),
            ])
        #expect(run.machine.pendingAudio.unsentCount == 1, "with the reader going again, only whole frames go")
    }

    @Test(
        "a file's full buffer: the reader waits for a final to free room; a server silent for 3 s lets the oldest sent audio go instead"
    )
    func fullBuffer() {
        var run = Run(.asFastAsPossible) { $0.resendBufferSeconds = 1 }  // ten chunks
        run.live()
        run.audio(0..<11)
        #expect(run.machine.holdsSender, "eleven chunks, none covered by a final")
        #expect(
            run.step { $0.senderHeld(atMs: $1) } == [.send([Run.frame(8..<11)], on: 1), .schedule(atMs: 3_000)],
            "not resumed: still full")
        run.read("final 1 0 400 One.")
        #expect(run.actions.contains(.resumeSenders) && !run.machine.holdsSender, "the final freed room")

        run.audio(11..<15)
        #expect(run.machine.holdsSender)
        run.nowMs = 1_000
        run.step { $0.senderHeld(atMs: $1) }
        run.nowMs = 2_000
        run.read("heartbeat")
        #expect(run.timer(at: 3_000) == [.schedule(atMs: 5_000)], "heard from 1 s ago: wait on")
        #expect(run.timer(at: 5_000) == [.resumeSenders])
        #expect(!run.machine.holdsSender, "the oldest audio already sent goes for room")
    }

    @Test(
        "a server that never answers the finishing message: after 20 s a new connection gets the audio no final covered, and the finish"
    )
    func unansweredFinish() {
        var run = Run(.asFastAsPossible)
        run.live()
        run.audio(0..<4)
        run.finishInput()
        #expect(run.writes.last == [.text("finish")])
        #expect(
            run.timer(at: 20_000) == [.close(1), .emit(.status(.reconnecting(attempt: 1))), .schedule(atMs: 20_500)])
        run.timer(at: 20_500)
        run.connected()
        run.read("ready")
        #expect(Array(run.writes.suffix(3)) == [[.text("open")], [Run.frame(0..<4)], [.text("finish")]])
    }

    @Test("a final sent twice: both pass (the transcript keeps one), and the audio it covered is freed once")
    func duplicatedFinal() {
        var run = Run(.asFastAsPossible)
        run.live()
        run.audio(0..<8)
        run.read("final 1 0 400 Hello.")
        let held = run.machine.pendingAudio
        run.read("final 1 0 400 Hello.")
        #expect(
            run.machine.pendingAudio.chunks == held.chunks && run.machine.pendingAudio.nextToSend == held.nextToSend)
        #expect(run.finals.count == 2)
        var assembler = TranscriptAssembler()
        for event in run.events { _ = assembler.apply(event, source: "Me") }
        #expect(assembler.sentences.map(\.text) == ["Hello."])
    }

    @Test(
        "a live outage longer than the buffer: the newest audio is kept, and the stretch let go is reported once, at the next connection"
    )
    func outageLongerThanTheBuffer() {
        var run = Run(.realTime) { $0.resendBufferSeconds = 1 }
        run.live()
        run.audio(0..<5)
        run.read("final 1 0 200 Hi.")
        run.closed()
        run.audio(5..<25)  // two seconds while the connection is down
        run.timer(at: 500)
        let opened = run.connected()
        #expect(opened == [.emit(.notTranscribed(startMs: 200, endMs: 1_500)), .send([.text("open")], on: 2)])
        run.read("ready")
        #expect(
            run.writes.last == [Run.frame(15..<19), Run.frame(19..<23), Run.frame(23..<25)],
            "live: all there is, in one batch")
    }

    @Test(
        "a live socket stalled for longer than the buffer: audio it never sent is let go, so the task starts again rather than skip it on the server's clock"
    )
    func stalledSocket() {
        var run = Run(.realTime) { $0.resendBufferSeconds = 1 }
        run.completesSends = false
        run.start()
        run.connected()
        run.sent()
        run.read("ready")
        run.audio(0..<1)  // in flight, and then the socket stalls
        run.audio(1..<15)  // fifteen chunks for a buffer of ten: 0 to 4 go
        #expect(run.sent() == [.close(1), .emit(.status(.reconnecting(attempt: 1))), .schedule(atMs: 500)])
        run.timer(at: 500)
        #expect(run.connected().first == .emit(.notTranscribed(startMs: 0, endMs: 500)))
        run.sent()
        #expect(run.read("ready").last == .send([Run.frame(5..<9), Run.frame(9..<13), Run.frame(13..<15)], on: 2))
    }

    @Test(
        "a failed write sends nothing more, yet the frames read before the close still count; the close then reconnects"
    )
    func failedWrite() {
        var run = Run(.realTime)
        run.completesSends = false
        run.start()
        run.connected()
        run.sent()
        run.read("ready")
        #expect(run.audio(0..<1) == [.send([Run.frame(0..<1)], on: 1)])
        #expect(run.step { $0.sendFailed(on: 1, "connection reset", atMs: $1) } == [])
        #expect(run.audio(1..<2) == [])
        #expect(
            run.read("final 1 0 100 Yes.").contains(
                .emit(
                    .final(
                        EngineSentence(
                            sentenceID: 1, clock: EngineClock(originMs: 0), startMs: 0, endMs: 100, text: "Yes.")))))
        #expect(run.closed(code: nil).contains(.emit(.status(.reconnecting(attempt: 1)))))
    }

    @Test(
        "billing adds up each task's own total; settings JSON can't carry fail the start with a hint; an 8 kHz model gets half the samples"
    )
    func billingEncodingAndRate() {
        var run = Run(.asFastAsPossible)
        run.live()
        run.audio(0..<4)
        run.read("billed 3")
        run.read("billed 4")
        run.closed()
        run.timer(at: 500)
        run.connected()
        run.read("ready")
        run.read("billed 2")
        run.read("final 1 0 400 Done.")
        guard case let .metrics(metrics)? = run.events.last else { Issue.record("no metrics after the final"); return }
        #expect(metrics.billedSeconds == 6)

        var unsendable = Run(.asFastAsPossible, wire: ScriptedWire(failsOpening: true))
        unsendable.start()
        let failed = unsendable.connected()
        guard case let .startFailed(reason) = failed.dropFirst().first else { Issue.record("\(failed)"); return }
        #expect(failed.first == .close(1))
        #expect(reason.hint?.contains("configuration file") == true)

        var narrow = Run(.realTime) { $0.sampleRate = 8_000 }
        narrow.live()
        narrow.audio(0..<4)
        let samples = narrow.writes.dropFirst().reduce(0) { total, frames in
            total + frames.reduce(0) { if case let .pcm(pcm) = $1 { $0 + pcm.count } else { $0 } }
        }
        #expect(abs(samples - 3_200) <= 32, "400 ms at 8 kHz")
    }
}
