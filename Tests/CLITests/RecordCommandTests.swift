import Foundation
import Testing
import VerbatimTestSupport

/// `verbatim devices` and `verbatim record --plain --engine none`, run as a user would, against a real
/// PulseAudio daemon of the test's own with speech played into its virtual microphone.
@Suite struct RecordCommandTests {
    @Test func devicesListsEverySourceWithTheDefaultAndMonitorsMarked() throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let json = try cli.run("devices", "--json", environment: server.environment)
        #expect(json.status == 0)
        let sources = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        let byName = Dictionary(uniqueKeysWithValues: sources.map { ($0["name"] as? String ?? "", $0) })
        #expect(byName["vmic"]?["default"] as? Bool == true)
        #expect(byName["vmic"]?["monitor"] as? Bool == false)
        #expect(byName["vmic"]?["description"] as? String == "Virtual-Microphone")
        #expect(byName["vsink.monitor"]?["monitor"] as? Bool == true)
        let table = try cli.run("devices", environment: server.environment).stdout
        #expect(table.contains("vmic") && table.contains("monitor") && table.contains("s16le 1ch 16000Hz"))
    }

    @Test func anUnknownSourceIsRefusedWithTheAvailableOnesListed() throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let result = try cli.run("record", "--plain", "--source", "webcam", environment: server.environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("No audio source matches \"webcam\""))
        #expect(result.stderr.contains("vmic (Virtual-Microphone)"))
        #expect(try cli.hasNoMeetings())
    }

    @Test func aRecordingKeepsExactlyWhatWasPlayedAndCloses() async throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let speech = cli.folder.file("speech.wav")
        try TestSpeech.generate("Let us move the launch to the second week of March.", to: speech)
        let reference = try TestSpeech.samples(ofWAV: speech)
        // Long enough for the speech plus a wide margin; the binary stops itself.
        let seconds = Double(reference.count) / 16_000 + 10
        let recording = try RunningBinary(
            ["record", "--plain", "--engine", "none", "--title", "Launch", "--duration", String(seconds)],
            environment: ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 }
        )
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        try server.play(speech)
        #expect(await recording.waitForExit() == 0)
        #expect(try await recording.waitForLine(containing: "Saved as meeting 1").isEmpty == false)
        #expect(recording.stdout.isEmpty)

        let meeting = try cli.showJSON("1")
        #expect(meeting["status"] as? String == "complete")
        #expect(meeting["title"] as? String == "Launch")
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: cli.folder.file("locks"))) ?? []).isEmpty,
            "a lock file outlived the recording")
        #expect(meeting["engine"] as? String == "none")
        let audioPath = try #require(meeting["audio_path"] as? String)
        #expect(audioPath.hasPrefix(cli.folder.file("audio/")))
        let tracks = meeting["audio_tracks"] as? [[String: Any]] ?? []
        #expect(tracks.map { $0["source"] as? String } == ["Me"])
        #expect(tracks.map { $0["device"] as? String } == ["vmic"])
        let recorded = try TestSpeech.samples(ofWAV: audioPath)
        // Outside #require, which would print every sample.
        let located = AudioAlignment.locate(reference, in: recorded)
        let match = try #require(located, "the played speech is not in the recording")
        #expect(match.correlation > 0.99, "correlation \(match.correlation)")
        // The file is a complete WAV and covers the meeting's length.
        let size = try FileManager.default.attributesOfItem(atPath: audioPath)[.size] as? Int ?? 0
        #expect(size == 44 + recorded.count * 2)
        let durationMs = try #require(meeting["duration_ms"] as? Int)
        #expect(abs(durationMs - recorded.count / 16) < 500)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalEndsTheRecordingCleanly(signal: Int32) async throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let recording = try RunningBinary(
            ["record", "--plain"], environment: ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 }
        )
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        recording.signal(signal)
        #expect(await recording.waitForExit() == 0)
        try await recording.waitForLine(containing: "received: stopping")
        let meeting = try cli.showJSON("latest")
        #expect(meeting["status"] as? String == "complete")
        let audioPath = try #require(meeting["audio_path"] as? String)
        let file = try WAVFileFacts(audioPath)
        #expect(file.declaredDataBytes == file.size - 44)
    }

    @Test func theAudioServerRestartingMidMeetingLeavesAGapAndAValidFile() async throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let recording = try RunningBinary(
            ["record", "--plain"], environment: ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 }
        )
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        try server.stop()
        try await recording.waitForLine(containing: "Me: audio lost")
        try server.start()
        try await recording.waitForLine(containing: "Me: audio back")
        recording.signal(SIGINT)
        #expect(await recording.waitForExit() == 0)

        let meeting = try cli.showJSON("latest")
        #expect(meeting["status"] as? String == "complete")
        let gaps = meeting["audio_gaps"] as? [[String: Any]] ?? []
        #expect(gaps.count == 1)
        #expect(gaps.first?["source"] as? String == "Me")
        #expect((gaps.first?["duration_ms"] as? Int ?? 0) > 0)
        let audioPath = try #require(meeting["audio_path"] as? String)
        let samples = try TestSpeech.samples(ofWAV: audioPath)
        let file = try WAVFileFacts(audioPath)
        #expect(file.declaredDataBytes == file.size - 44 && file.size == 44 + samples.count * 2)
        let gapEnd = (gaps.first?["at_ms"] as? Int ?? 0) + (gaps.first?["duration_ms"] as? Int ?? 0)
        #expect(samples.count / 16 >= gapEnd)
        let shown = try cli.run("show", "latest").stdout
        #expect(shown.contains("] Not recorded until 00:00:"), "\(shown)")
        #expect(shown.contains("(Me): the audio source was lost"), "\(shown)")
        #expect(try cli.run("export", "latest", "--format", "md").stdout.contains("the audio source was lost"))
    }

    @Test func aKilledRecorderIsClosedAsInterruptedAndItsFileRepairedOnTheNextStart() async throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let recording = try RunningBinary(
            ["record", "--plain"], environment: ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 }
        )
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        // While it records, another command leaves the live meeting alone.
        #expect(try cli.showJSON("latest")["status"] as? String == "recording")
        recording.signal(SIGKILL)
        _ = await recording.waitForExit()

        let next = try cli.run("list")
        #expect(next.stderr.contains("Meeting 1 was left recording"))
        #expect(next.stderr.contains("closed as interrupted"))
        let meeting = try cli.showJSON("1")
        #expect(meeting["status"] as? String == "interrupted")
        let audioPath = try #require(meeting["audio_path"] as? String)
        let file = try WAVFileFacts(audioPath)
        #expect(file.declaredDataBytes == file.size - 44 && file.size > 44)
        #expect(try cli.run("list").stderr.isEmpty)  // recovered once
    }

    @Test func twoSourcesAreRecordedSideBySideWithTheirLabels() async throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let speech = cli.folder.file("speech.wav")
        try TestSpeech.generate("Both sides of the call are kept.", to: speech)
        let reference = try TestSpeech.samples(ofWAV: speech)
        let recording = try RunningBinary(
            [
                "record", "--plain", "--source", "vmic", "--source", "Monitor of", "--duration",
                String(Double(reference.count) / 16_000 + 10),
            ],
            environment: ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 }
        )
        try await recording.waitForLine(containing: "Me: audio is coming in.")
        try await recording.waitForLine(containing: "Them: audio is coming in.")
        try server.play(speech)
        #expect(await recording.waitForExit() == 0)
        let tracks = try cli.showJSON("latest")["audio_tracks"] as? [[String: Any]] ?? []
        #expect(tracks.map { $0["source"] as? String } == ["Me", "Them"])
        #expect(tracks.map { $0["device"] as? String } == ["vmic", "vsink.monitor"])
        for track in tracks {
            let samples = try TestSpeech.samples(ofWAV: track["path"] as? String ?? "")
            // Outside #require, which would print every sample.
            let located = AudioAlignment.locate(reference, in: samples)
            let match = try #require(located, "the played speech is not in the recording")
            #expect(match.correlation > 0.99)
        }
    }
}

extension CLIFixture {
    func showJSON(_ meeting: String) throws -> [String: Any] {
        let result = try run("show", meeting, "--json")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }
}

/// A WAV file's length and the data size its header declares (a valid file: the two agree).
struct WAVFileFacts {
    var size: Int
    var declaredDataBytes: Int

    init(_ path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        size = data.count
        declaredDataBytes = data.prefix(44).suffix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    }
}

/// Settings that can't work are refused before a meeting or an audio file exists.
@Suite struct RecordRefusalTests {
    @Test func aSourceOrALabelGivenTwiceIsRefusedSayingSo() throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let twice = try cli.run(
            "record", "--plain", "--engine", "none", "--source", "vmic", "--source", "Virtual-Mic",
            environment: server.environment)
        #expect(twice.status == 1)
        #expect(
            twice.stderr.contains("The source vmic is chosen twice (--source vmic, --source Virtual-Mic)."),
            "\(twice.stderr)")
        let labels = try cli.run(
            "record", "--plain", "--engine", "none", "--source", "A=vmic", "--source", "A=vsink.monitor",
            environment: server.environment)
        #expect(labels.status == 1)
        #expect(labels.stderr.contains("Two sources are labelled \"A\"."), "\(labels.stderr)")
        #expect(!labels.stderr.contains("disk"))
        #expect(try cli.hasNoMeetings())
        #expect(!FileManager.default.fileExists(atPath: cli.folder.file("audio")))
    }

    @Test func twoRecordingsStartedInTheSameSecondEachGetTheirOwnFiles() async throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let environment = ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 }
        let arguments = ["record", "--plain", "--engine", "none", "--duration", "1"]
        let first = try RunningBinary(arguments, environment: environment)
        let second = try RunningBinary(arguments, environment: environment)
        let statuses = (await first.waitForExit(), await second.waitForExit())
        #expect(statuses == (0, 0), "\(first.stderrLines)\n\(second.stderrLines)")
        let paths = try ["1", "2"].map { try #require(cli.showJSON($0)["audio_path"] as? String) }
        #expect(Set(paths).count == 2)
        for path in paths { #expect(FileManager.default.fileExists(atPath: path)) }
    }

    @Test func anUnknownThemeIsAUsageErrorListingTheThemes() throws {
        let cli = CLIFixture()
        let flag = try cli.run("record", "--plain", "--engine", "none", "--theme", "nosuch")
        #expect(flag.status == 2)
        #expect(
            flag.stderr
                == "verbatim: There is no theme \"nosuch\" (--theme); there are default, high-contrast, light, monochrome.\n"
        )
        let config = try cli.folder.write("[screen]\ntheme = \"nosuch\"\n", to: "config.toml")
        let file = try cli.run("record", "--plain", "--engine", "none", environment: ["VERBATIM_CONFIG": config])
        #expect(file.status == 1)
        #expect(
            file.stderr.contains(
                "screen.theme names no theme (\"nosuch\"); there are default, high-contrast, light, monochrome"))
        #expect(try cli.hasNoMeetings())
    }

    @Test func aBrokenThemeIsNamedWithItsKeyAndNothingStarts() throws {
        let cli = CLIFixture()
        let themes = cli.folder.file("config/verbatim/themes")
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "[roles]\nbogus = { bold = true }\n".write(
            toFile: themes + "/broken.toml", atomically: true, encoding: .utf8)
        let result = try cli.run(
            "record", "--plain", "--engine", "none", "--theme", "broken",
            environment: ["XDG_CONFIG_HOME": cli.folder.file("config")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.toml has an unknown key roles.bogus."), "\(result.stderr)")
        #expect(try cli.hasNoMeetings())
    }
}
