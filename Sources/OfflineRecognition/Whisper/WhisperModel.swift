import Foundation

/// The Whisper models Verbatim knows: what they recognize and where the set-up puts them.
package struct WhisperModel: Sendable, Equatable {
    /// `tiny.en`, `base`.
    package var name: String
    /// Whether it recognizes other languages than English (and detects the language).
    package var multilingual: Bool
    package var summary: String

    package init(name: String, multilingual: Bool, summary: String) {
        self.name = name
        self.multilingual = multilingual
        self.summary = summary
    }

    package static let tinyEnglish = WhisperModel(
        name: "tiny.en", multilingual: false, summary: "English only; fast (the default for English)")
    package static let base = WhisperModel(
        name: "base", multilingual: true,
        summary: "99 languages, Chinese and mixed Chinese/English among them; twice as slow")
    package static let all = [tinyEnglish, base]

    package static func named(_ name: String) -> WhisperModel? { all.first { $0.name == name } }

    /// The file the set-up writes: converted from the PyPI package and quantized to q8_0.
    package var fileName: String { "ggml-\(name)-q8_0.bin" }

    /// `$VERBATIM_MODELS`, else `$XDG_DATA_HOME/verbatim/models`, else `~/.local/share/verbatim/models`.
    package static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["VERBATIM_MODELS"], !explicit.isEmpty { return explicit }
        let data =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return data + "/verbatim/models"
    }

    package func path(in folder: String) -> String { folder + "/" + fileName }

    /// The command that installs it (the set-up script, from the checkout this binary was built in).
    package var installCommand: String { "verbatim models install \(name)" }

    /// The model for a language: tiny.en for English, base for the rest, for mixed speech and for
    /// detection (nil).
    package static func forLanguage(_ primaryLanguage: String?) -> WhisperModel {
        primaryLanguage == "en" ? .tinyEnglish : .base
    }
}

extension WhisperModel {
    /// The set-up's model installer, when this binary's checkout still has it.
    package static var installScript: String? { WhisperLibrary.installScript }
}
