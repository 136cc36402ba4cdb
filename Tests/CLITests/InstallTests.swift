import Foundation
import Testing
import VerbatimTestSupport

/// `make install` into a temporary PREFIX: the installed binary finds its themes, the model
/// installer and whisper.cpp from its own place, with the checkout out of its reach.
@Suite struct InstallTests {
    @Test func theInstalledBinaryRunsWithTheLightThemeAndHasCompletions() throws {
        let (cli, server) = try (CLIFixture(), PulseAudioServer())
        let prefix = cli.folder.file("prefix")
        try Command.run([
            "make", "-s", "-C", VerbatimBinary.packageRoot.path, "install-built", "PREFIX=\(prefix)",
            "BIN=\(VerbatimBinary.path)",
        ])
        let installed = prefix + "/bin/verbatim"
        for file in [
            "share/verbatim/themes/light.toml", "lib/verbatim/libwhisper.so.1", "lib/verbatim/whisper-quantize",
            "share/verbatim/setup/whisper/install-model.sh", "share/bash-completion/completions/verbatim",
            "share/zsh/site-functions/_verbatim", "share/fish/vendor_completions.d/verbatim.fish",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
        #expect(
            try String(contentsOfFile: prefix + "/share/bash-completion/completions/verbatim", encoding: .utf8)
                .contains("transcribe"))

        // The themes come from PREFIX/share: the binary is far from the checkout's themes/.
        let environment = ["VERBATIM_DB": cli.databasePath].merging(server.environment) { $1 }
        let themed = try VerbatimBinary.run(
            ["record", "--plain", "--engine", "none", "--theme", "light", "--duration", "0.5"],
            environment: environment, binary: installed)
        #expect(themed.status == 0, "\(themed.stderr)")
        let unknown = try VerbatimBinary.run(
            ["record", "--plain", "--engine", "none", "--theme", "nosuch"], environment: environment, binary: installed)
        #expect(unknown.stderr.contains("there are default, high-contrast, light, monochrome"), "\(unknown.stderr)")
        // The model installer is the installed copy.
        let models = try VerbatimBinary.run(["models"], environment: environment, binary: installed)
        #expect(models.status == 0, "\(models.stderr)")
    }
}
