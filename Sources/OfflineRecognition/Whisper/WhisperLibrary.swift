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
        paths.append(installPrefix.appendingPathComponent("lib/verbatim/" + fileName).path)
        paths.append(buildFolder + "/lib/" + fileName)
        return paths
    }

    /// The checkout's `.build/whisper.cpp`, as this file knew it when it was compiled.
    static var buildFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/whisper.cpp").path
    }

    /// The model installer: `share/verbatim/setup` beside an installed binary (`make install`), else
    /// the set-up script of the checkout this binary was built in, if it is still there.
    static var installScript: String? {
        let checkout = URL(fileURLWithPath: buildFolder).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/whisper/install-model.sh").path
        let installed = installPrefix.appendingPathComponent("share/verbatim/setup/whisper/install-model.sh").path
        return [installed, checkout].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The folder above the binary's `bin/` (the binary itself, not argv[0], which may be a bare name
    /// found in PATH).
    private static var installPrefix: URL {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
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
