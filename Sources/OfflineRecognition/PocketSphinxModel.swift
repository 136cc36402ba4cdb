import Foundation
import TranscriptCore

/// The acoustic model, language model and dictionary PocketSphinx loads.
package struct PocketSphinxModel: Sendable, Equatable {
    package var acousticModel: String
    package var languageModel: String
    package var dictionary: String

    package init(acousticModel: String, languageModel: String, dictionary: String) {
        self.acousticModel = acousticModel
        self.languageModel = languageModel
        self.dictionary = dictionary
    }

    /// The US English model of Debian's `pocketsphinx-en-us`, in the folder pkg-config names.
    package static func installed() -> PocketSphinxModel {
        let folder = (packageModelFolder() ?? "/usr/share/pocketsphinx/model") + "/en-us"
        return PocketSphinxModel(
            acousticModel: folder + "/en-us", languageModel: folder + "/en-us.lm.bin",
            dictionary: folder + "/cmudict-en-us.dict"
        )
    }

    /// Every path exists, or the error names the first that doesn't.
    package func check() throws(OfflineEngineError) {
        for path in [acousticModel, languageModel, dictionary] where !FileManager.default.fileExists(atPath: path) {
            throw .modelMissing(path: path)
        }
    }

    /// `pkg-config --variable=modeldir pocketsphinx`, when pkg-config and the package's .pc file are here.
    private static func packageModelFolder() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pkg-config")
        process.arguments = ["--variable=modeldir", "pocketsphinx"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let folder = String(decoding: data, as: UTF8.self).trimmingWhitespace()
        return process.terminationStatus == 0 && !folder.isEmpty ? folder : nil
    }
}
