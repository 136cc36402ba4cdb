import AudioCore
import Testing

@Suite("Choosing sources, labels, backoff and the meeting timeline")
struct SelectionTests {
    let sources = [
        AudioSourceInfo(
            name: "alsa_input.usb-Blue_Yeti", description: "Yeti Stereo Microphone Analog Stereo", monitor: false,
            isDefault: true, sampleFormat: "s16le", sampleRate: 48_000, channels: 2),
        AudioSourceInfo(
            name: "alsa_output.pci.analog-stereo.monitor", description: "Monitor of Built-in Audio Analog Stereo",
            monitor: true, isDefault: false, sampleFormat: "s16le", sampleRate: 44_100, channels: 2),
        AudioSourceInfo(
            name: "alsa_input.pci.analog-stereo", description: "Built-in Audio Analog Stereo", monitor: false,
            isDefault: false, sampleFormat: "s16le", sampleRate: 44_100, channels: 2),
    ]

    @Test("no query picks the default source")
    func defaultSource() throws {
        #expect(try SourceSelection.select(nil, from: sources).name == "alsa_input.usb-Blue_Yeti")
        #expect(throws: SourceSelectionError.noDefault(available: [])) { try SourceSelection.select(nil, from: []) }
    }

    @Test("an exact name wins, else a unique part of a description, in any case")
    func matching() throws {
        #expect(try SourceSelection.select("alsa_input.pci.analog-stereo", from: sources).monitor == false)
        #expect(try SourceSelection.select("yeti", from: sources).name == "alsa_input.usb-Blue_Yeti")
        #expect(try SourceSelection.select("monitor of", from: sources).monitor)
    }

    @Test("no match lists every source; several matches list them")
    func failures() {
        #expect(throws: SourceSelectionError.noMatch(query: "webcam", available: sources)) {
            try SourceSelection.select("webcam", from: sources)
        }
        #expect(throws: SourceSelectionError.ambiguous(query: "built-in", matches: Array(sources[1...]))) {
            try SourceSelection.select("built-in", from: sources)
        }
    }

    @Test("LABEL=QUERY sets a label; a plain query leaves it to be chosen")
    func requests() {
        #expect(SourceRequest(argument: "Alice=yeti") == SourceRequest(query: "yeti", label: "Alice"))
        #expect(SourceRequest(argument: "yeti") == SourceRequest(query: "yeti"))
        #expect(SourceRequest(argument: "=odd") == SourceRequest(query: "=odd"))
    }

    @Test("a microphone is Me and a monitor Them, unless that would repeat a label")
    func labels() {
        let micAndMonitor = SourceRequest.labels(
            requests: [.init(query: "yeti"), .init(query: "monitor")], sources: [sources[0], sources[1]])
        #expect(micAndMonitor == ["Me", "Them"])
        let twoMics = SourceRequest.labels(
            requests: [.init(query: "yeti"), .init(query: "x", label: "Room")], sources: [sources[0], sources[2]])
        #expect(twoMics == ["Me", "Room"])
        let bothUnlabelled = SourceRequest.labels(
            requests: [.init(query: "a"), .init(query: "b")], sources: [sources[0], sources[2]])
        #expect(bothUnlabelled == [sources[0].description, sources[2].description])
    }

    @Test("backoff doubles up to its cap, with jitter between half and all of the ceiling")
    func backoff() {
        var backoff = Backoff(initialMs: 250, maximumMs: 5_000)
        var ranges: [ClosedRange<Int>] = []
        for _ in 0..<7 {
            _ = backoff.nextDelayMs {
                ranges.append($0); return $0.upperBound
            }
        }
        #expect(ranges.map(\.upperBound) == [250, 500, 1_000, 2_000, 4_000, 5_000, 5_000])
        #expect(ranges.map(\.lowerBound) == [125, 250, 500, 1_000, 2_000, 2_500, 2_500])
        backoff.reset()
        #expect(backoff.nextCeilingMs == 250)
        #expect((125...250).contains(backoff.nextDelayMs()))
    }

    @Test("an outage becomes silence up to the meeting clock, reported once")
    func timeline() {
        var timeline = MeetingTimeline()
        #expect(timeline.append(frames: 1_600) == 0)
        #expect(timeline.append(frames: 1_600) == 1_600)
        // The server was away; capture resumes 1.5 s into the meeting with 0.2 s captured.
        let gap = timeline.fillGap(untilElapsedMs: 1_500)
        #expect(gap?.startFrame == 3_200)
        #expect(gap?.frames == 20_800)
        #expect(timeline.append(frames: 1_600) == 24_000)
        #expect(timeline.fillGap(untilElapsedMs: 1_000) == nil)
    }
}
