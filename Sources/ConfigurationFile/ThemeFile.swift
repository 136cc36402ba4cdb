import Foundation
import TUIRender

/// Themes as TOML files: `[roles]` maps each `StyleRole` name to `{ fg, bg, bold, dim, italic,
/// underline, reverse }`; colours are names (`red`, `bright-cyan`) or palette numbers as text
/// (`"236"`). Roles a file leaves out keep the default theme's style, so a user theme can be short.
package enum ThemeFile {
    /// The folders searched for `NAME.toml`, first match wins: the user's, then the shipped ones.
    package static func folders(environment: [String: String], executable: String) -> [String] {
        // The XDG config folder's, even when VERBATIM_CONFIG points the configuration file elsewhere.
        let configFolder =
            (ConfigFile.path(environment: environment.filter { $0.key != "VERBATIM_CONFIG" }) as NSString)
            .deletingLastPathComponent
        return [configFolder + "/themes"] + shippedFolders(executable: executable)
    }

    /// `share/verbatim/themes` beside an installed binary, and the source tree's `themes/` for a binary
    /// built in it (`.build/release/verbatim`).
    private static func shippedFolders(executable: String) -> [String] {
        var folder = (executable as NSString).deletingLastPathComponent
        var found = [folder + "/../share/verbatim/themes"]
        for _ in 0..<5 {
            folder = (folder as NSString).deletingLastPathComponent
            if FileManager.default.fileExists(atPath: folder + "/themes/default.toml") {
                found.append(folder + "/themes")
            }
        }
        return found
    }

    /// The theme called `name` from the first folder that has it; `default` is built in when no
    /// folder has it.
    /// - Throws: `ConfigError` naming the file (and key) when the theme is unknown or broken.
    package static func load(name: String, folders: [String]) throws(ConfigError) -> Theme {
        for folder in folders {
            let path = folder + "/" + name + ".toml"
            if FileManager.default.fileExists(atPath: path) { return try read(path: path, name: name) }
        }
        if name == Theme.default.name { return .default }
        throw .unknownTheme(name: name, available: available(folders: folders))
    }

    /// The names of the themes in `folders` (and the built-in default), sorted.
    package static func available(folders: [String]) -> [String] {
        let files = folders.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
        let names = files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(".toml".count)) }
        return Set(names + [Theme.default.name]).sorted()
    }

    package static func read(path: String, name: String) throws(ConfigError) -> Theme {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadable(file: path, reason: "permission denied, not a file, or not UTF-8")
        }
        return try parse(TOMLReader.table(from: text, file: path), name: name, file: path)
    }

    static func parse(_ table: [String: ConfigValue], name: String, file: String) throws(ConfigError) -> Theme {
        var reader = TableReader(table: table, path: "", file: file)
        _ = try reader.string("name")
        var roles = try reader.table("roles")
        var theme = Theme.default
        theme.name = name
        for key in roles.unreadKeys {
            guard let role = StyleRole(rawValue: key) else { throw .unknownKey(file: file, key: "roles." + key) }
            var entry = try roles.table(key)
            theme.styles[role] = try style(&entry, key: "roles." + key, file: file)
            try entry.finish()
        }
        try reader.finish()
        return theme
    }

    private static func style(_ entry: inout TableReader, key: String, file: String) throws(ConfigError) -> TextStyle {
        TextStyle(
            foreground: try color(entry.string("fg"), key: key + ".fg", file: file),
            background: try color(entry.string("bg"), key: key + ".bg", file: file),
            bold: try entry.bool("bold") ?? false, dim: try entry.bool("dim") ?? false,
            italic: try entry.bool("italic") ?? false,
            underline: try entry.bool("underline") ?? false, reverse: try entry.bool("reverse") ?? false
        )
    }

    private static func color(_ text: String?, key: String, file: String) throws(ConfigError) -> TerminalColor? {
        guard let text, text != "default" else { return nil }
        guard let color = TerminalColor(name: text) else {
            throw .invalidValue(
                file: file, key: key,
                problem: "must be a colour name (red, bright-cyan, ...) or a number 0-255 as text, not \"\(text)\"")
        }
        return color
    }

    /// A theme as the TOML this reads (how themes/default.toml is written).
    package static func render(_ theme: Theme) -> String {
        var lines = [
            "# Verbatim theme \"\(theme.name)\": how each role on the meeting screen looks.",
            "# fg/bg: black red green yellow blue magenta cyan white, bright-<name>, or a palette number 0-255 as text.",
            "# Attributes: bold dim italic underline reverse. Roles left out keep the default theme's style.",
            "", "[roles]",
        ]
        for role in StyleRole.allCases {
            let style = theme.style(role)
            var fields: [String] = []
            if let foreground = style.foreground { fields.append("fg = \"\(colorName(foreground))\"") }
            if let background = style.background { fields.append("bg = \"\(colorName(background))\"") }
            for (flag, on) in [
                ("bold", style.bold), ("dim", style.dim), ("italic", style.italic), ("underline", style.underline),
                ("reverse", style.reverse),
            ] where on {
                fields.append("\(flag) = true")
            }
            lines.append("\(role.rawValue) = { \(fields.joined(separator: ", ")) }")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func colorName(_ color: TerminalColor) -> String {
        color.index < 16 ? TerminalColor.names[color.index] : String(color.index)
    }
}
