@testable import OfflineRecognition
import Testing

/// whisper.cpp's tokens into words: spaces, ideographs, split characters, punctuation.
@Suite struct TokenWordsTests {
    func token(_ text: String, _ start: Int, _ end: Int) -> DecodedToken {
        DecodedToken(bytes: Array(text.utf8), startMs: start, endMs: end)
    }

    @Test func englishWordsStartAtASpaceAndKeepTheirPunctuation() {
        let words = TokenWords.words([
            token(" Dash", 0, 100), token("wood", 100, 200), token(" said", 200, 300), token(".", 300, 310),
        ])
        #expect(
            words == [
                HeardWord("Dashwood", spaced: true, startMs: 0, endMs: 200),
                HeardWord("said.", spaced: true, startMs: 200, endMs: 310),
            ])
        #expect(words.last?.endsSentence == true)
        #expect(HeardWord.join(words) == "Dashwood said.")
    }

    @Test func aChineseCharacterSplitAcrossTokensComesOutWhole() {
        let bytes = Array("中文。".utf8)  // 中 is three bytes: split it after the first
        let tokens = [
            DecodedToken(bytes: Array(bytes[0..<1]), startMs: 0, endMs: 50),
            DecodedToken(bytes: Array(bytes[1..<3]), startMs: 50, endMs: 100),
            DecodedToken(bytes: Array(bytes[3..<6]), startMs: 100, endMs: 200),
            DecodedToken(bytes: Array(bytes[6...]), startMs: 200, endMs: 210),
        ]
        let words = TokenWords.words(tokens)
        #expect(words.map(\.text) == ["中", "文。"])
        #expect(words.map(\.spaced) == [false, false])
        #expect(HeardWord.join(words) == "中文。")
        #expect(words.last?.endsSentence == true)
    }

    @Test func aTokenFromWhisperKeepsItsHalfOfACharacter() {
        // 中 is E4 B8 AD: whisper.cpp gives "E4 B8" and "AD" as two tokens' C strings, then 文.
        let cStrings: [[UInt8]] = [[0xE4, 0xB8, 0], [0xAD, 0], Array("文".utf8) + [0]]
        let tokens = cStrings.enumerated().map { index, bytes in
            bytes.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer {
                DecodedToken(text: $0.baseAddress!, startMs: index * 100, endMs: index * 100 + 100)
            }
        }
        #expect(tokens[0].bytes == [0xE4, 0xB8])
        #expect(TokenWords.words(tokens).map(\.text) == ["中", "文"])
    }

    @Test func aCharacterWhisperNeverFinishesIsDroppedButNotItsWord() {
        // Seen with base on English speech decoded as Chinese: "Friday" then the first bytes of a character.
        let words = TokenWords.words([
            token(" Friday", 0, 300), DecodedToken(bytes: [0xE4, 0xB8], startMs: 300, endMs: 310),
        ])
        #expect(words.map(\.text) == ["Friday"])
    }

    @Test func anIdeographAfterOtherTextStartsAWord() {
        let words = TokenWords.words([token("OK", 0, 100), token("，", 100, 120), token("使", 120, 200)])
        #expect(words.map(\.text) == ["OK，", "使"])
    }

    @Test func titlesDoNotEndASentence() {
        #expect(!HeardWord("Mr.", startMs: 0, endMs: 1).endsSentence)
        #expect(HeardWord("done?\"", startMs: 0, endMs: 1).endsSentence)
    }

    @Test func asciiPunctuationAfterChineseTakesItsFullWidthForm() {
        // As Whisper base wrote a line of real Mandarin speech: an ASCII comma after 对.
        let words = TokenWords.words([
            token("对", 0, 100), token(",", 100, 110), token("这", 300, 400), token("?", 400, 410),
        ])
        #expect(words.map(\.text) == ["对，", "这？"])
        #expect(words.last?.endsSentence == true)
        #expect(TokenWords.fullWidthPunctuation("好的!?") == "好的！？")
    }

    @Test func punctuationAfterLatinTextOrInAnEllipsisStaysAsItIs() {
        #expect(TokenWords.fullWidthPunctuation("API.") == "API.")
        #expect(TokenWords.fullWidthPunctuation("3.5") == "3.5")
        #expect(TokenWords.fullWidthPunctuation("那个...") == "那个...")
    }
}
