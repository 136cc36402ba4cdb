/// How many terminal columns text takes: East Asian wide characters and emoji take two.
package enum DisplayWidth {
    package static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        // Fast path: below the combining marks (U+0300) every printable character is one column, and
        // the Unicode property lookup below dominated the screen's render time.
        if scalar.value < 0x300 {
            // A control character is shown in caret notation (TerminalSafeText): two columns or more.
            return TerminalSafeText.isControl(scalar) ? TerminalSafeText.line(String(character)).count : 1
        }
        if isWide(scalar.value) { return 2 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x200B { return 0 }
        return 1
    }

    package static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The East Asian Wide and Fullwidth blocks, and the emoji planes that terminals draw two columns wide.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
