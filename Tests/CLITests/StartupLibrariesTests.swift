import Foundation
import Testing
import VerbatimTestSupport

@Suite("Libraries the binary loads at start")
struct StartupLibrariesTests {
    /// libpulse and PocketSphinx bring three dozen libraries; a process that neither records nor
    /// recognizes offline must not map them (LazyLibrary.h). Capture and the offline engine, which
    /// do open them, are tested in their own suites.
    @Test("libpulse, PocketSphinx and whisper.cpp are opened on first use, not linked: ldd lists none")
    func heavyLibrariesAreNotLinked() throws {
        let libraries = try Command.run(["ldd", VerbatimBinary.path])
        #expect(libraries.contains("libsqlite3"), "ldd listed the binary's libraries")
        for library in ["libpulse", "libpocketsphinx", "libsphinxbase", "libsphinxad", "libwhisper", "libggml"] {
            #expect(!libraries.contains(library), "\(library) is linked")
        }
    }
}
