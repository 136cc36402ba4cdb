import ConfigurationFile
import Foundation
import Testing
import TUIRender
import VerbatimTestSupport

@Suite("Themes as TOML files")
struct ThemeFileTests {
    static let shipped = VerbatimBinary.packageRoot.appendingPathComponent("themes").path

    @Test("themes/default.toml is the built-in default, written out")
    func defaultFile() throws {
        let path = Self.shipped + "/default.toml"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try ThemeFile.render(.default).write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("Wrote themes/default.toml; run again without RECORD_SNAPSHOTS")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == ThemeFile.render(.default))
        #expect(try ThemeFile.load(name: "default", folders: [Self.shipped]) == Theme.default)
    }

    @Test(
        "Every shipped theme reads, and differs from the default where it should",
        arguments: ["light", "high-contrast", "monochrome"])
    func shippedThemes(name: String) throws {
        let theme = try ThemeFile.load(name: name, folders: [Self.shipped])
        #expect(theme.name == name)
        #expect(theme.styles != Theme.default.styles)
        if name == "monochrome" {
            #expect(theme.styles.values.allSatisfy { $0.foreground == nil && $0.background == nil })
            #expect(theme.style(.partialText) != theme.style(.finalText), "the partial must still look different")
        }
    }

    @Test("A user theme is found first and may set only some roles")
    func userTheme() throws {
        let folder = TemporaryDirectory()
        try "[roles]\nspeaker = { fg = \"bright-magenta\", bold = true }\n".write(
            toFile: folder.file("mine.toml"), atomically: true, encoding: .utf8)
        let theme = try ThemeFile.load(name: "mine", folders: [folder.path, Self.shipped])
        #expect(theme.style(.speaker) == TextStyle(foreground: TerminalColor(13), bold: true))
        #expect(theme.style(.partialText) == Theme.default.style(.partialText))
    }

    @Test(
        "A broken theme names the file and the key",
        arguments: [
            ("[roles]\nspeakers = { fg = \"red\" }\n", "roles.speakers"),
            ("[roles]\nspeaker = { fg = \"reddish\" }\n", "roles.speaker.fg"),
            ("[roles]\nspeaker = { bold = \"yes\" }\n", "roles.speaker.bold"),
            ("[roles\n", "line 1"),
        ])
    func brokenTheme(text: String, key: String) throws {
        let folder = TemporaryDirectory()
        let path = folder.file("broken.toml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ThemeFile.load(name: "broken", folders: [folder.path])
            Issue.record("a broken theme was accepted")
        } catch {
            #expect(error.userMessage.contains(path), "\(error.userMessage)")
            #expect(error.userMessage.contains(key), "\(error.userMessage)")
        }
    }

    @Test("An unknown theme name is an error; degrading to 16 colours keeps every colour below 16")
    func unknownAndDegraded() {
        #expect(throws: ConfigError.self) { try ThemeFile.load(name: "nope", folders: [Self.shipped]) }
        let sixteen = Theme.default.adapted(toColors: 16)
        #expect(
            sixteen.styles.values.allSatisfy { ($0.foreground?.index ?? 0) < 16 && ($0.background?.index ?? 0) < 16 })
        #expect(
            Theme.default.adapted(toColors: 0).styles.values.allSatisfy { $0.foreground == nil && $0.background == nil }
        )
    }
}
