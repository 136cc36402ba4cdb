/// Text from the archive, an import or an engine made safe to show on a terminal.
///
/// A title or sentence may hold control characters (an imported file, a rename, a confused
/// engine): printed raw, `ESC [ 2 J` clears the user's screen and `\n` breaks a table row. Every
/// place that shows such text on a terminal or writes it into a file meant for reading passes it
/// through here, so they all show the same thing: caret notation, as `cat -v` and ncurses do
/// (`ESC` is `^[`, a line feed `^J`, `DEL` `^?`), and for the 8-bit C1 controls their 7-bit
/// equivalent (`CSI`, U+009B, is `^[[`), so nothing the terminal would act on remains while every
/// character after it stays. Chinese, emoji and combining marks pass unchanged.
package enum TerminalSafeText {
    /// One line: every control character made visible, line breaks and tabs included.
    package static func line(_ text: String) -> String {
        guard needsChange(text, keepingLayout: false) else { return text }
        return rewrite(text, keepingLayout: false)
    }

    /// Text of several lines (a command's output): line feeds stay, every other control character
    /// (a tab too: output aligns with spaces) is made visible.
    package static func lines(_ text: String) -> String {
        guard needsChange(text, keepingLayout: true) else { return text }
        return rewrite(text, keepingLayout: true)
    }

    /// A title in a message: in quotes, on one line.
    package static func quoted(_ text: String) -> String { "\"" + line(text) + "\"" }

    /// How a control scalar is shown, or nil for a printable one.
    package static func visible(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00..<0x20: return "^" + String(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))
        case 0x7F: return "^?"
        case 0x80..<0xA0: return "^[" + String(Character(Unicode.Scalar(UInt8(scalar.value - 0x40))))
        default: return nil
        }
    }

    /// Whether the scalar is a C0 or C1 control or DEL.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    private static func needsChange(_ text: String, keepingLayout: Bool) -> Bool {
        text.utf8.contains { byte in
            // C1 controls are two bytes in UTF-8 (0xC2 0x80...0x9F); 0xC2 catches them, rarely wrongly.
            (byte < 0x20 && !(keepingLayout && byte == 0x0A)) || byte == 0x7F || byte == 0xC2
        }
    }

    private static func rewrite(_ text: String, keepingLayout: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepingLayout, scalar == "\n" {
                result.append(scalar)
            } else if let shown = visible(scalar) {
                result.append(contentsOf: shown.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
