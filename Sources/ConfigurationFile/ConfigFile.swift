import Foundation

/// Where the configuration file is, and reading it.
package enum ConfigFile {
    /// A file the user named (`--config`, `VERBATIM_CONFIG`) must exist; the default one may not.
    package struct Location: Equatable, Sendable {
        package var path: String
        /// What named the file ("--config", "VERBATIM_CONFIG"), or nil for the default place.
        package var namedBy: String?
    }

    /// `--config`, else `VERBATIM_CONFIG`, else the default place (`path(environment:)`).
    package static func location(option: String?, environment: [String: String]) -> Location {
        if let option { return Location(path: option, namedBy: "--config") }
        if let path = environment["VERBATIM_CONFIG"], !path.isEmpty {
            return Location(path: path, namedBy: "VERBATIM_CONFIG")
        }
        return Location(path: path(environment: environment), namedBy: nil)
    }

    /// The settings at a location: all defaults when the default file doesn't exist; a named file
    /// that doesn't exist is an error (a typo in a path must not silently mean "no settings").
    package static func load(_ location: Location) throws(ConfigError) -> VerbatimConfig {
        if let namedBy = location.namedBy, !FileManager.default.fileExists(atPath: location.path) {
            throw .missing(file: location.path, namedBy: namedBy)
        }
        return try load(path: location.path)
    }

    /// `VERBATIM_CONFIG`, else `$XDG_CONFIG_HOME/verbatim/config.toml`, else `~/.config/verbatim/config.toml`.
    package static func path(environment: [String: String]) -> String {
        if let path = environment["VERBATIM_CONFIG"], !path.isEmpty { return path }
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return base + "/verbatim/config.toml" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/verbatim/config.toml"
    }

    /// The settings in the file at `path`; all defaults when there is no file.
    package static func load(path: String) throws(ConfigError) -> VerbatimConfig {
        guard FileManager.default.fileExists(atPath: path) else { return VerbatimConfig() }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadable(file: path, reason: "permission denied, not a file, or not UTF-8")
        }
        var config = try VerbatimConfig(table: TOMLReader.table(from: text, file: path), file: path)
        if config.dashscope.apiKey != nil { config.dashscope.apiKeyFileIsShared = isReadableByOthers(path) }
        return config
    }

    /// Group or others may read the file (a key in it should be `chmod 600`).
    static func isReadableByOthers(_ path: String) -> Bool {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int else {
            return false
        }
        return mode & 0o044 != 0
    }
}
