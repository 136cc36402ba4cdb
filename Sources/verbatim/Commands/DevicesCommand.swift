import ArgumentParser
import AudioCapture
import AudioCore

struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List the audio sources Verbatim can record: microphones and monitors (what the speakers play).",
        discussion: "Pass a NAME, or a unique part of a DESCRIPTION, to `record --source`."
    )

    @Flag(help: "Print a JSON array (name, description, monitor, default, sample_format, sample_rate, channels).")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let sources = try PulseSourceCatalog.sources(server: nil)
            if json { return try JSONOutput.print(sources) }
            if sources.isEmpty { return StandardError.write("The PulseAudio server has no sources.") }
            StandardOutput.write(DeviceTable.render(sources))
        }
    }
}

enum DeviceTable {
    static func render(_ sources: [AudioSourceInfo]) -> String {
        let rows = sources.map { source in
            [
                source.isDefault ? "*" : "", source.monitor ? "monitor" : "input",
                "\(source.sampleFormat) \(source.channels)ch \(source.sampleRate)Hz", source.name, source.description,
            ]
        }
        return TextTable.render(header: ["DEFAULT", "KIND", "FORMAT", "NAME", "DESCRIPTION"], rows: rows)
    }
}
