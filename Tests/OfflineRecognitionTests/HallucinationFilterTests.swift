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

    @Test func wordsDatedPastTheAudioThatContinueASentenceAreKept() {
        // `transcribe` of LibriVox clips with pauses: the file ends at 32.23 s, its speech at 30.73 s.
        let speech = [27_440..<30_730]
        let heard = [
            HeardWord("made", startMs: 30_800, endMs: 31_550), HeardWord("amiable", startMs: 31_550, endMs: 32_850),
            HeardWord("himself.", startMs: 34_830, endMs: 35_580),
        ]
        let cleaned = HallucinationFilter.clean(heard, speech: speech, audioEndMs: 32_230)
        #expect(cleaned.map(\.text) == ["made", "amiable", "himself."])
        #expect(cleaned.last.map { [$0.startMs, $0.endMs] } == [32_230, 32_230])
        // After a sentence's end, or after a gap, they are judged by time as any word.
        let signOff = [
            HeardWord("amiable.", startMs: 30_000, endMs: 30_700), HeardWord("Thank", startMs: 32_300, endMs: 32_500),
        ]
        #expect(HallucinationFilter.clean(signOff, speech: speech, audioEndMs: 32_230).map(\.text) == ["amiable."])
        let afterAGap = [
            HeardWord("amiable", startMs: 30_000, endMs: 30_700), HeardWord("Thank", startMs: 32_300, endMs: 32_500),
        ]
        #expect(HallucinationFilter.clean(afterAGap, speech: speech, audioEndMs: 32_230).map(\.text) == ["amiable"])
    }
}
