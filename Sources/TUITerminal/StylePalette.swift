import CNCurses
import TUIRender

/// The theme turned into curses attributes and colour pairs, one pair per distinct colour
/// combination, allocated once when the screen starts.
struct StylePalette {
    struct CursesStyle {
        var attributes: attr_t
        var pair: Int16
    }

    private var byRole: [StyleRole: CursesStyle] = [:]

    init(theme: Theme, colors: Int) {
        var pairs: [ColorKey: Int16] = [:]
        for role in StyleRole.allCases {
            let style = theme.style(role)
            var pair: Int16 = 0
            if colors > 0, style.foreground != nil || style.background != nil {
                let key = ColorKey(foreground: style.foreground?.index ?? -1, background: style.background?.index ?? -1)
                if let existing = pairs[key] {
                    pair = existing
                } else if pairs.count + 1 < Int(vb_color_pairs()) {
                    pair = Int16(pairs.count + 1)
                    init_pair(pair, Int16(key.foreground), Int16(key.background))
                    pairs[key] = pair
                }
            }
            byRole[role] = CursesStyle(attributes: Self.attributes(style), pair: pair)
        }
    }

    func style(for role: StyleRole) -> CursesStyle {
        byRole[role] ?? CursesStyle(attributes: vb_a_normal(), pair: 0)
    }

    private struct ColorKey: Hashable {
        var foreground: Int
        var background: Int
    }

    private static func attributes(_ style: TextStyle) -> attr_t {
        var attributes = vb_a_normal()
        if style.bold { attributes |= vb_a_bold() }
        if style.dim { attributes |= vb_a_dim() }
        if style.italic { attributes |= vb_a_italic() }
        if style.underline { attributes |= vb_a_underline() }
        if style.reverse { attributes |= vb_a_reverse() }
        return attributes
    }
}
