import Testing
import TranscriptCore

@Suite struct TerminalSafeTextTests {
    @Test func escapesBecomeCaretNotationAndEveryCharacterAfterThemStays() {
        #expect(TerminalSafeText.line("red\u{1B}[41m bg\u{1B}[2J") == "red^[[41m bg^[[2J")
        #expect(TerminalSafeText.line("a\tb\nc\r\u{7F}\u{0}") == "a^Ib^Jc^M^?^@")
    }

    @Test func eightBitControlsShowAsTheirSevenBitEquivalent() {
        #expect(TerminalSafeText.line("x\u{9B}2Jy\u{85}") == "x^[[2Jy^[E")
    }

    @Test func linesKeepLineFeedsButNothingElse() {
        #expect(TerminalSafeText.lines("one\tcell\ntwo\u{1B}]0;title\u{7}") == "one^Icell\ntwo^[]0;title^G")
    }

    @Test func chineseEmojiAndCombiningMarksPassUnchanged() {
        let text = "关于预算 👩🏽‍💻 café e\u{301} ½ ÿ"
        #expect(TerminalSafeText.line(text) == text)
        #expect(TerminalSafeText.lines(text) == text)
    }

    @Test func aControlCharacterTakesTheColumnsOfItsCaretNotation() {
        #expect(DisplayWidth.of("a\u{1B}b") == 4)
        #expect(DisplayWidth.of("\r\n") == 4)
    }
}
