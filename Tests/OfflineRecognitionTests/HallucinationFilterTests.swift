@testable import OfflineRecognition
import Testing

/// The guards against text Whisper invents: loops, stutters, the prompt said back.
@Suite struct HallucinationFilterTests {
    @Test func thePromptSaidBackIsDroppedButNotTheWordsItShares() {
        let prompt = "以下是普通话的句子，使用简体中文。"
        let echo = ["3-5-2-1，", "使", "用", "简", "体", "中", "文。"].enumerated().map { index, text in
            HeardWord(text, spaced: false, startMs: index * 100, endMs: index * 100 + 100)
        }
        #expect(HallucinationFilter.withoutEcho(of: prompt, in: echo).map(\.text) == ["3-5-2-1，"])
        let honest = ["我", "们", "用", "中", "文", "写。"].enumerated().map { index, text in
            HeardWord(text, spaced: false, startMs: index * 100, endMs: index * 100 + 100)
        }
        #expect(HallucinationFilter.withoutEcho(of: prompt, in: honest) == honest)
    }

    @Test func aPhraseRepeatedInALoopIsKeptTwice() {
        let looped = WhisperStreamerTests.words("we will we will we will we will rock")
        #expect(HallucinationFilter.collapseRepeats(looped).map(\.text) == ["we", "will", "we", "will", "rock"])
        let honest = WhisperStreamerTests.words("no no that is it")
        #expect(HallucinationFilter.collapseRepeats(honest).map(\.text) == ["no", "no", "that", "is", "it"])
    }

    @Test func aStutterWithinAWordIsDropped() {
        #expect(HallucinationFilter.isStutter("old-s-s-y-y-y-y-y-y-y-y-y-y-y-y-y-y"))
        #expect(!HallucinationFilter.isStutter("internationalization-ready"))
    }
}
