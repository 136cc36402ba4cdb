import Foundation
import TranscriptCore

/// What the Whisper streamer needs from a decoder: one window of audio in, its words out. A protocol,
/// so that the streaming logic (agreement, sentences, the window) is tested with a scripted decoder.
protocol WindowDecoding: AnyObject {
    /// The words heard in `samples` (16 kHz mono, [-1, 1]), times from the window's start. `prompt` is
    /// the text that came before, to carry names and style across windows.
    func decode(_ samples: [Float], prompt: String) throws(OfflineEngineError) -> [HeardWord]
    /// How long the last decode took (wall clock, ms): what live pacing spaces its steps by.
    var lastDecodeMs: Int { get }
}

/// Tokens of one decoded segment, as whisper.cpp gives them.
struct DecodedToken: Equatable {
    /// The token's bytes (a multibyte character may be split across two tokens).
    var bytes: [UInt8]
    var startMs: Int
    var endMs: Int

    /// A token as whisper.cpp gives it: its text as raw bytes, taken as they are. Not through
    /// `String(cString:)`, which replaces the half of a character that a token holds with U+FFFD,
    /// so that a Chinese character split across two tokens came out as "��".
    init(text: UnsafePointer<CChar>, startMs: Int, endMs: Int) {
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        self.init(bytes: Array(UnsafeBufferPointer(start: bytes, count: strlen(text))), startMs: startMs, endMs: endMs)
    }

    init(bytes: [UInt8], startMs: Int, endMs: Int) {
        self.bytes = bytes
        self.startMs = startMs
        self.endMs = endMs
    }
}

/// Tokens into words: a word starts at a token beginning with a space; a Chinese or Japanese
/// character is a word of its own (they are written without spaces); punctuation sticks to the word
/// before it, in its full-width form after Chinese. Bytes are joined before they are read as UTF-8,
/// so a character split across tokens comes out whole.
enum TokenWords {
    static func words(_ tokens: [DecodedToken]) -> [HeardWord] {
        var words: [HeardWord] = []
        var pending: [UInt8] = []
        var pendingStart = 0
        var pendingEnd = 0

        func emit() {
            defer { pending = [] }
            for piece in pieces(of: validText(pending)) {
                words.append(HeardWord(piece.text, spaced: piece.spaced, startMs: pendingStart, endMs: pendingEnd))
            }
        }

        for token in tokens {
            // A word starts at a space, and at an ideograph: "，使" after "3-5-2" is two words, not one.
            let startsIdeograph = String(validating: token.bytes, as: UTF8.self)?.unicodeScalars.first.map(
                TextSegmentation.isIdeographic)
            let startsWord = token.bytes.first == UInt8(ascii: " ") || startsIdeograph == true
            if startsWord, !pending.isEmpty { emit() }
            if pending.isEmpty { pendingStart = token.startMs }
            pending += token.bytes
            pendingEnd = token.endMs
            // A complete character that is ideographic ends its word at once.
            if let text = String(validating: pending, as: UTF8.self),
                text.unicodeScalars.last.map(TextSegmentation.isIdeographic) == true
            {
                emit()
            }
        }
        if !pending.isEmpty { emit() }
        return mergePunctuation(words).map { word in
            var word = word
            word.text = fullWidthPunctuation(word.text)
            return word
        }
    }

    /// Whisper base often writes ASCII punctuation after Chinese ("对,这就是"): after an ideograph a
    /// mark takes the full-width form Chinese text uses ("对，这就是"). A run of full stops is left as
    /// it is (an ellipsis), and so is punctuation after Latin letters or digits ("API.", "3.5").
    static func fullWidthPunctuation(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var afterIdeograph = false
        for (index, scalar) in scalars.enumerated() {
            let partOfEllipsis = scalar == "." && (scalars.dropFirst(index + 1).first == "." || result.last == ".")
            if afterIdeograph, !partOfEllipsis, let wide = fullWidthForms[scalar] {
                result.append(wide)
                continue  // "对?!" → "对？！": still after the ideograph
            }
            result.append(scalar)
            afterIdeograph = TextSegmentation.isIdeographic(scalar)
        }
        return String(result)
    }

    private static let fullWidthForms: [Unicode.Scalar: Unicode.Scalar] = [
        ",": "，", ".": "。", "?": "？", "!": "！", ":": "：", ";": "；",
    ]

    /// The bytes as text, without the pieces of characters that are not whole: Whisper sometimes ends on
    /// the first bytes of a character it never finishes (tiny and base on speech they barely make out).
    private static func validText(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { $0 != "\u{FFFD}" }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A token's text split at its spaces; ideographs apart.
    private static func pieces(of text: String) -> [(text: String, spaced: Bool)] {
        var result: [(String, Bool)] = []
        var spaced = false
        var current = ""
        for character in text {
            if character == " " {
                if !current.isEmpty { result.append((current, spaced)); current = "" }
                spaced = true
                continue
            }
            current.append(character)
        }
        if !current.isEmpty { result.append((current, spaced)) }
        return result
    }

    /// "，" or "." alone after a word becomes part of it, so a sentence end is found on the word.
    private static func mergePunctuation(_ words: [HeardWord]) -> [HeardWord] {
        var merged: [HeardWord] = []
        for word in words {
            if !word.spaced, let last = merged.last, word.text.allSatisfy({ $0.isPunctuation }) {
                merged[merged.count - 1] = HeardWord(
                    last.text + word.text, spaced: last.spaced, startMs: last.startMs,
                    endMs: max(last.endMs, word.endMs))
            } else {
                merged.append(word)
            }
        }
        return merged
    }
}
