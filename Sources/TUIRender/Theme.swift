/// A colour of the xterm 256-colour palette: 0–7 the basic colours, 8–15 their bright forms.
package struct TerminalColor: Sendable, Hashable {
    package var index: Int

    package init(_ index: Int) { self.index = index }

    package static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan",
        "bright-white",
    ]

    /// `"red"`, `"bright-cyan"`, or a palette number as text.
    package init?(name: String) {
        if let index = Self.names.firstIndex(of: name.lowercased()) { self.index = index; return }
        guard let number = Int(name), (0...255).contains(number) else { return nil }
        index = number
    }

    /// The nearest of the first `count` colours (16 or 8), for terminals with fewer colours.
    package func degraded(toColors count: Int) -> TerminalColor {
        if index < count { return self }
        if index < 16 { return TerminalColor(index - 8) }  // bright → normal on 8-colour terminals
        return TerminalColor(Self.nearestBasic(to: index) % count)
    }

    /// The 6×6×6 cube and the grey ramp mapped to the basic colour of the same hue.
    private static func nearestBasic(to index: Int) -> Int {
        if index >= 232 { return index < 244 ? 8 : 7 }
        let cube = index - 16
        let (r, g, b) = (cube / 36, cube / 6 % 6, cube % 6)
        let bright = max(r, g, b) >= 4
        let basic = (r >= 2 ? 1 : 0) | (g >= 2 ? 2 : 0) | (b >= 2 ? 4 : 0)
        return basic + (bright && basic != 0 ? 8 : 0)
    }
}

/// How a role looks: colours (nil: the terminal's own) and attributes.
package struct TextStyle: Sendable, Hashable {
    package var foreground: TerminalColor?
    package var background: TerminalColor?
    package var bold = false
    package var dim = false
    package var italic = false
    package var underline = false
    package var reverse = false

    package init(
        foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool = false, dim: Bool = false,
        italic: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// The same attributes without colour (NO_COLOR, monochrome terminals).
    package var withoutColor: TextStyle {
        var style = self
        style.foreground = nil
        style.background = nil
        return style
    }
}

/// Styles for every role. Themes are files in `themes/` (see `ThemeFile` in Configuration);
/// `Theme.default` is the built-in copy of `themes/default.toml`, used when a theme can't be read.
package struct Theme: Sendable, Equatable {
    package var name: String
    package var styles: [StyleRole: TextStyle]

    /// Roles `styles` leaves out get the terminal's plain style.
    package init(name: String, styles: [StyleRole: TextStyle]) {
        self.name = name
        self.styles = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0, styles[$0] ?? TextStyle()) })
    }

    package func style(_ role: StyleRole) -> TextStyle { styles[role] ?? TextStyle() }

    /// The theme for a terminal with `colors` colours (0 or NO_COLOR: attributes only).
    package func adapted(toColors colors: Int) -> Theme {
        let mapped = styles.mapValues { style -> TextStyle in
            guard colors >= 8 else { return style.withoutColor }
            var style = style
            style.foreground = style.foreground?.degraded(toColors: min(colors, 256))
            style.background = style.background?.degraded(toColors: min(colors, 256))
            return style
        }
        return Theme(name: name, styles: mapped)
    }
}
