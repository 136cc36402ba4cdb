import AudioCore
import DashScopeProtocol
import Recognition
import Testing

/// A wire whose server frames name their signals, so that a transition test reads as a script:
/// `ready`, `partial ID TEXT`, `final ID START END TEXT` (task ms), `heartbeat`, `billed N`, `notice TEXT`,
/// `finished`, `drop WHY` (worth another connection), `refuse-key` (fatal), and `sent?`, answered with a
/// notice of how much of the task's audio the session said was sent (the clock of protocols without
/// timestamps).
struct ScriptedWire: SessionWire {
    /// A setting JSON could not carry: the opening can't be encoded.
    var failsOpening = false

    func openingMessages() throws(WireEncodingError) -> [String] {
        if failsOpening { throw WireEncodingError(ScriptError.notFinite) }
        return ["open"]
    }

    func audioFrame(_ samples: [Int16]) -> WireFrame { .pcm(samples) }
    func finishMessage() -> String { "finish" }

    mutating func read(_ text: String, audioSentMs: Int) -> [WireSignal] {
        let words = text.split(separator: " ").map(String.init)
        let rest = { (from: Int) in words.dropFirst(from).joined(separator: " ") }
        let origin = EngineClock(originMs: 0)
        switch words.first {
        case "ready": return [.ready]
        case "partial":
            return [.recognized(.partial(EnginePartial(sentenceID: Int(words[1])!, text: rest(2), clock: origin)))]
        case "final":
            let (id, start, end) = (Int(words[1])!, Int(words[2])!, Int(words[3])!)
            return [
                .progress(hasText: true, reachingTaskMs: end),
                .recognized(
                    .final(EngineSentence(sentenceID: id, clock: origin, startMs: start, endMs: end, text: rest(4)))),
            ]
        case "heartbeat": return [.progress(hasText: false, reachingTaskMs: nil)]
        case "billed": return [.billed(seconds: Int(words[1])!)]
        case "notice": return [.notice(rest(1))]
        case "sent?": return [.notice("\(audioSentMs) ms sent")]
        case "finished": return [.finished]
        case "drop": return [.ended(.retry(rest(1)))]
        case "refuse-key": return [.ended(.fatal(.keyRejected(status: 401)))]
        default: return []
        }
    }

    enum ScriptError: Error { case notFinite }
}

/// Plays the actor's part for `StreamingSessionMachine`: feeds it events at a time the test sets,
/// and keeps what its actions asked for. With `completesSends`, every send is reported written at
/// once, as a socket that keeps up would; otherwise the test reports each one.
struct SessionMachineRun {
    var machine: StreamingSessionMachine<ScriptedWire>
    var nowMs = 0
    var completesSends = true
    /// Every action so far, in order.
    private(set) var actions: [SessionAction] = []
    /// The connection with a send in flight.
    private(set) var sending: ConnectionID?
    /// The connection the machine last asked for.
    private(set) var connection: ConnectionID?

    init(
        _ pacing: SessionPolicy.Pacing, wire: ScriptedWire = ScriptedWire(),
        configure: (inout SessionPolicy) -> Void = { _ in }
    ) {
        var policy = SessionPolicy(pacing: pacing, maxFrameMs: 400)
        configure(&policy)
        machine = StreamingSessionMachine(policy: policy, source: "Me", makeWire: { wire }, jitter: { $0.upperBound })
    }

    /// Feeds one event; returns what it asked for (sends completed on its behalf are not included).
    @discardableResult
    mutating func step(_ event: (inout StreamingSessionMachine<ScriptedWire>, Int) -> [SessionAction])
        -> [SessionAction]
    {
        let asked = event(&machine, nowMs)
        take(asked)
        while completesSends, let id = sending {
            sending = nil
            take(machine.sent(on: id, atMs: nowMs))
        }
        return asked
    }

    private mutating func take(_ asked: [SessionAction]) {
        actions += asked
        for action in asked {
            switch action {
            case let .send(_, id): sending = id
            case let .connect(id): connection = id
            default: break
            }
        }
    }

    // MARK: Events, as the actor reports them

    @discardableResult mutating func start() -> [SessionAction] { step { $0.start(atMs: $1) } }

    @discardableResult mutating func connected() -> [SessionAction] {
        let id = connection!
        return step { $0.connected(id, atMs: $1) }
    }

    @discardableResult mutating func read(_ text: String, on id: ConnectionID? = nil) -> [SessionAction] {
        let id = id ?? connection!
        return step { $0.frameRead(text, on: id, atMs: $1) }
    }

    @discardableResult mutating func closed(_ id: ConnectionID? = nil, code: Int? = 1011) -> [SessionAction] {
        let id = id ?? connection!
        return step { $0.closed(id, code: code, atMs: $1) }
    }

    @discardableResult mutating func sent() -> [SessionAction] {
        let id = sending!
        sending = nil
        return step { $0.sent(on: id, atMs: $1) }
    }

    @discardableResult mutating func timer(at ms: Int) -> [SessionAction] {
        nowMs = ms
        return step { $0.timerFired(atMs: $1) }
    }

    /// The 100 ms chunk `index` of the meeting; its samples all hold `index + 1`, to tell chunks apart.
    @discardableResult mutating func audio(_ indexes: Range<Int>) -> [SessionAction] {
        indexes.flatMap { index in step { $0.audioArrived(Self.chunk(index), atMs: $1) } }
    }

    @discardableResult mutating func finishInput() -> [SessionAction] { step { $0.inputFinished(atMs: $1) } }

    /// Started, connected, opened and ready: the first task is live.
    mutating func live() {
        start()
        connected()
        read("ready")
    }

    static func chunk(_ index: Int) -> AudioChunk {
        AudioChunk(
            source: "Me", startFrame: Int64(index) * 1_600, samples: [Int16](repeating: Int16(index + 1), count: 1_600))
    }

    /// The samples of chunks `indexes`, end to end: what one audio frame carries.
    static func frame(_ indexes: Range<Int>) -> WireFrame { .pcm(indexes.flatMap { chunk($0).samples }) }

    // MARK: What the actions asked for

    /// The frames written, one entry per send.
    var writes: [[WireFrame]] { actions.compactMap { if case let .send(frames, _) = $0 { frames } else { nil } } }
    var events: [RecognitionEvent] { actions.compactMap { if case let .emit(event) = $0 { event } else { nil } } }
    var statuses: [EngineStatus] { events.compactMap { if case let .status(status) = $0 { status } else { nil } } }
    var finals: [EngineSentence] { events.compactMap { if case let .final(sentence) = $0 { sentence } else { nil } } }
    var lastSchedule: Int?? {
        actions.last { if case .schedule = $0 { true } else { false } }.map {
            if case let .schedule(ms) = $0 { ms } else { nil }
        }
    }
}

/// Frames in failure messages as what they carry: a test's chunks hold their index + 1, so a frame of
/// audio reads as the chunks it joins ("chunks 3..<7"), not as thousands of samples.
extension WireFrame: CustomTestStringConvertible {
    public var testDescription: String {
        switch self {
        case let .text(text): return "text \(text)"
        case let .pcm(samples):
            guard let first = samples.first, let last = samples.last else { return "pcm (empty)" }
            if samples.allSatisfy({ $0 == 0 }) { return "silence \(samples.count / 16) ms" }
            return "chunks \(first - 1)..<\(last) (\(samples.count) samples)"
        }
    }
}
