import CWhisper
import Foundation

/// Finds and opens libwhisper. It is not linked (a cloud session never maps it, LazyLibrary.h): the
/// set-up builds it into the checkout's `.build/whisper.cpp/lib`, `make install` copies it beside the
/// binary's `lib/verbatim`, and `VERBATIM_WHISPER_LIBRARY` names another.
enum WhisperLibrary {
    static let fileName = "libwhisper.so.1"

    /// Where it is looked for, first found wins.
    static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var paths: [String] = []
        if let explicit = environment["VERBATIM_WHISPER_LIBRARY"], !explicit.isEmpty { paths.append(explicit) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
        paths.append(prefix.appendingPathComponent("lib/verbatim/" + fileName).path)
        paths.append(buildFolder + "/lib/" + fileName)
        return paths
    }

    /// The checkout's `.build/whisper.cpp`, as this file knew it when it was compiled.
    static var buildFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/whisper.cpp").path
    }

    /// The set-up script beside the checkout, when this binary still has its checkout.
    static var installScript: String? {
        let script = URL(fileURLWithPath: buildFolder).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/whisper/install-model.sh").path
        return FileManager.default.isExecutableFile(atPath: script) ? script : nil
    }

    /// Opens the library once; later calls return what the first found.
    static func load() throws(OfflineEngineError) {
        let result = loaded
        if let failure = result.failure { throw .whisperLibraryMissing(reason: failure) }
    }

    private static let loaded: (path: String?, failure: String?) = {
        guard let path = candidates().first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return (nil, "no \(fileName) in " + candidates().joined(separator: ", "))
        }
        return (path, verbatim_whisper_load(path).map { String(cString: $0) })
    }()
}
