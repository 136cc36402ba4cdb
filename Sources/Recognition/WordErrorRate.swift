import Foundation
import TranscriptCore

/// Word error rate: (substitutions + deletions + insertions) / reference words, after normalizing both
/// texts the same way (case, punctuation), so that only the words count. Each Chinese character counts
/// as a word: Chinese is written without spaces and segmenting it into words is itself error-prone, so
/// for Chinese this is the character error rate, and for mixed speech the mixed error rate, as usual.
package struct WordErrorRate: Sendable, Equatable {
    package var errors: Int
    package var referenceWords: Int

    package init(errors: Int, referenceWords: Int) {
        self.errors = errors
        self.referenceWords = referenceWords
    }

    package init(reference: String, hypothesis: String) {
        let expected = Self.words(reference)
        self.init(errors: Self.editDistance(expected, Self.words(hypothesis)), referenceWords: expected.count)
    }

    package var rate: Double { referenceWords == 0 ? 0 : Double(errors) / Double(referenceWords) }

    /// Sums over several utterances (the corpus rate is not the mean of the rates).
    package static func + (lhs: Self, rhs: Self) -> Self {
        Self(errors: lhs.errors + rhs.errors, referenceWords: lhs.referenceWords + rhs.referenceWords)
    }

    /// Lowercased words; punctuation dropped except an apostrophe inside a word ("let's"); titles
    /// written out ("Mr." is "mister"), as Whisper's own English normalizer does, since a reference
    /// transcript spells them as spoken.
    package static func words(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
            .flatMap(splittingIdeographs)
            .map { $0.trimmingCharacters(in: ["'"]) }
            .filter { !$0.isEmpty }
            .map { titles[$0] ?? $0 }
    }

    /// "预算review" → "预", "算", "review".
    private static func splittingIdeographs(_ word: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var runStart = word.startIndex
        for index in word.indices where TextSegmentation.isIdeographic(word[index]) {
            if runStart < index { pieces.append(word[runStart..<index]) }
            pieces.append(word[index...index])
            runStart = word.index(after: index)
        }
        if runStart < word.endIndex { pieces.append(word[runStart...]) }
        return pieces
    }

    private static let titles = ["mr": "mister", "mrs": "missus", "dr": "doctor", "st": "saint", "prof": "professor"]

    /// Levenshtein distance over words, one row at a time.
    static func editDistance(_ reference: [String], _ hypothesis: [String]) -> Int {
        var previous = Array(0...hypothesis.count)
        for (i, expected) in reference.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: hypothesis.count)
            for (j, actual) in hypothesis.enumerated() {
                current[j + 1] = min(previous[j] + (expected == actual ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        return previous[hypothesis.count]
    }
}
